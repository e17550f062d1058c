package dev.backcoach.app;

import dev.backcoach.app.ops.Metrics;
import dev.backcoach.app.ops.OpsServer;
import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.Readiness;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.JdbcStateStore;
import dev.backcoach.telegram.TelegramRuntime;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the bot together: database, store, service, housekeeping, the operator endpoints, and the
 * way users reach it: Telegram when its token is set, otherwise the console.
 */
final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);
    /** Replies of handled events are kept this long for re-deliveries, then purged. */
    static final Duration EVENT_RETENTION = Duration.ofDays(7);
    /** Users per route are counted in the database this often, not on every scrape. */
    static final Duration ROUTE_COUNT_EVERY = Duration.ofMinutes(1);

    private final Database database;
    private final ScheduledThreadPoolExecutor background;
    private final ConversationService service;
    private final Metrics metrics = new Metrics();
    private final @Nullable ConsoleAdapter console;
    private final @Nullable TelegramRuntime telegram;
    private final @Nullable OpsServer ops;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    /**
     * On shutdown, each stage gets at most this long: updates already taken, then turns in flight,
     * then queued replies (SHUTDOWN_TIMEOUT_SECONDS; three of them fit compose's stop grace period).
     */
    private final Duration flush;

    Application(AppConfig config, InputStream in, PrintStream out) throws Exception {
        this.flush = config.shutdownTimeout();
        Clock clock = Clock.systemUTC();
        Catalog catalog = CatalogLoader.load("en");
        this.database = Database.open(config.database());
        JdbcStateStore store = new JdbcStateStore(database, clock);
        this.background = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "background");
            thread.setDaemon(true);
            return thread;
        });
        // At shutdown, waiting timers and periodic jobs are dropped; a job already running finishes.
        background.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        background.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.service = new ConversationService(catalog, store, clock, this::apply, config.sessionCache(), metrics);
        metrics.bindSessionCache(service);
        metrics.bindDatabase(database, service.health());
        this.telegram = config.telegram().isPresent()
                ? TelegramRuntime.start(config.telegram().get(), service, catalog) : null;
        if (telegram != null) {
            metrics.bindSends(Platform.TELEGRAM, telegram.bot().counters());
        }
        this.console = telegram == null ? new ConsoleAdapter(in, out, service) : null;
        this.ops = config.effectiveHttpPort().isPresent()
                ? OpsServer.start(config.effectiveHttpPort().getAsInt(), metrics, readiness()) : null;
        background.scheduleWithFixedDelay(this::probe, 5, 5, TimeUnit.SECONDS);
        background.scheduleWithFixedDelay(() -> purge(store, clock), 1, 60, TimeUnit.MINUTES);
        background.scheduleWithFixedDelay(() -> countRoutes(store), 0, ROUTE_COUNT_EVERY.toSeconds(),
                TimeUnit.SECONDS);
        log.info("started with {}", config);
    }

    /** What /readyz asks, in order: the database, then each enabled platform. */
    private Map<String, Readiness> readiness() {
        Map<String, Readiness> checks = new LinkedHashMap<>();
        checks.put("database", () -> {
            if (closing.get()) {
                return Optional.of("stopping");
            }
            service.health().probe();
            var state = service.health().state();
            return state.up() ? Optional.empty() : Optional.of(state.reason());
        });
        if (telegram != null) {
            checks.put("telegram", telegram);
        }
        return checks;
    }

    /** The port of the operator endpoints, when they are served. */
    Optional<Integer> httpPort() {
        return ops == null ? Optional.empty() : Optional.of(ops.port());
    }

    /** Telegram's send counters (zeros without Telegram), for tests. */
    dev.backcoach.telegram.SendCounters telegramCounters() {
        return telegram == null ? new dev.backcoach.telegram.SendCounters() : telegram.bot().counters();
    }

    /** Chats on the console until end of input, or serves the platforms until {@link #close} has finished. */
    void run() throws Exception {
        if (console != null) {
            console.run();
        } else {
            stopped.await();
        }
    }

    /** Step timers wait in memory and arrive as an event of their own on the user's platform. */
    private void apply(Effect effect) {
        if (effect instanceof Effect.StartTimer t) {
            background.schedule(() -> service.accept(
                    new Inbound.TimerFired(t.user(), t.chat(), "timer-" + UUID.randomUUID(), t.token()),
                    channel(t.user().platform())), t.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private ChannelPort channel(Platform platform) {
        if (platform == Platform.TELEGRAM && telegram != null) {
            return telegram.bot();
        }
        if (console != null) {
            return console;
        }
        return (user, chat, replies) -> log.warn("no channel for {} users: {} replies not sent", platform,
                replies.size());
    }

    private void probe() {
        boolean wasUp = service.health().state().up();
        service.health().probe();
        if (wasUp != service.health().state().up()) {
            log.warn("database is {}", service.health().state().up() ? "reachable again" : "unreachable");
        }
    }

    private static void purge(JdbcStateStore store, Clock clock) {
        try {
            int purged = store.purgeEventsBefore(clock.instant().minus(EVENT_RETENTION));
            log.debug("purged {} handled events older than {}", purged, EVENT_RETENTION);
        } catch (RuntimeException e) {
            log.warn("could not purge old events: {}", e.getMessage());
        }
    }

    private void countRoutes(JdbcStateStore store) {
        try {
            metrics.usersPerRoute(store.usersPerRoute());
        } catch (RuntimeException e) {
            log.debug("could not count users per route: {}", e.getMessage());
        }
    }

    /**
     * Stops in order, each stage bounded by SHUTDOWN_TIMEOUT_SECONDS: receivers take no new updates (and
     * finish those taken), turns in flight finish and commit, queued replies go out, then the
     * endpoints and the database close. A second call, from another thread (a signal, the
     * shutdown hook, the end of the terminal chat), waits for the first to finish, so that no
     * caller exits the JVM halfway through.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        log.info("stopping: no new updates; finishing turns in flight and queued replies");
        try {
            if (telegram != null) {
                telegram.stopReceiving(flush);
            }
            background.shutdown();
            if (!service.awaitNoTurns(flush)) {
                log.warn("{} turns still running after {}", service.turnsInFlight(), flush);
            }
            if (telegram != null) {
                telegram.flushAndClose(flush);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Telegram did not stop cleanly: {}", e.getMessage());
        }
        background.shutdownNow();
        if (ops != null) {
            ops.close();
        }
        database.close();
        metrics.close();
        log.info("stopped");
        stopped.countDown();
    }
}
