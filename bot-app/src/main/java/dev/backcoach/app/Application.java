package dev.backcoach.app;

import dev.backcoach.app.ops.Metrics;
import dev.backcoach.app.ops.OpsServer;
import dev.backcoach.chart.ChartPool;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.discord.DiscordRuntime;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.JdbcStateStore;
import dev.backcoach.storage.SchedulerSetup;
import dev.backcoach.storage.schedule.ReminderCounters;
import dev.backcoach.storage.schedule.Scheduling;
import dev.backcoach.storage.schedule.Timekeeper;
import dev.backcoach.telegram.SendCounters;
import dev.backcoach.telegram.TelegramConnection;
import dev.backcoach.telegram.TelegramRuntime;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the bot together: database, store, service, scheduler, housekeeping, operator endpoints,
 * and the way users reach it: Telegram and Discord when their tokens are set (both can run in one
 * process), otherwise the console. Reminders and step timers wait in the database as tasks.
 */
final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);

    private final Database database;
    private final Housekeeping housekeeping;
    private final ConversationService service;
    private final Timekeeper timekeeper;
    private final Metrics metrics;
    private final @Nullable ConsoleAdapter console;
    private final @Nullable TelegramRuntime telegram;
    private final @Nullable DiscordRuntime discord;
    private final @Nullable OpsServer ops;
    private final ChartPool charts;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();

    /**
     * On shutdown, each stage gets at most this long: updates already taken, then turns in flight,
     * then queued replies (SHUTDOWN_TIMEOUT_SECONDS; three of them fit compose's stop grace
     * period).
     */
    private final Duration flush;

    Application(AppConfig config, InputStream in, PrintStream out) throws Exception {
        this(config, in, out, Clock.systemUTC());
    }

    /** With a clock of the test's choosing: reminders are due at local times hours away. */
    Application(AppConfig config, InputStream in, PrintStream out, Clock clock) throws Exception {
        this(config, Strands.begin(config), in, out, clock);
    }

    /** On strands Main began before anything else. */
    Application(AppConfig config, Strands strands, InputStream in, PrintStream out, Clock clock)
            throws Exception {
        try {
            this.flush = config.shutdownTimeout();
            this.metrics = new Metrics();
            this.database = Beside.await(strands.database());
            JdbcStateStore store = new JdbcStateStore(database, clock);
            // Effects only schedule tasks; the scheduler that runs them comes after.
            Scheduling scheduling = new Scheduling(SchedulerSetup.client(database), clock);
            // The catalogs are read before the engine is built: what needs only them comes first.
            Catalogs catalogs = Beside.await(strands.content());
            // Drawn off the turn path, a few at a time; a burst beyond the queue goes out as text,
            // with a note in the language of the chart's user.
            this.charts = ChartPool.forThisMachine(ChartPool.Notes.in(catalogs));
            OpsServer.prepareDateHeader(); // while the detector is still being built
            Beside.await(strands.screen()); // its failure is the clearer message
            this.service =
                    new ConversationService(
                            Beside.await(strands.engine()),
                            store,
                            clock,
                            scheduling,
                            config.sessionCache(),
                            metrics);
            this.timekeeper =
                    new Timekeeper(
                            service,
                            store.nudgeLog(),
                            this::channel,
                            clock,
                            SchedulerSetup.forDatabase(database, clock));
            metrics.bindService(service.stats());
            metrics.bindDatabase(database, service.health());
            metrics.bindReminders(timekeeper.counters());
            CompletableFuture<TelegramConnection> connecting = strands.telegram();
            this.telegram =
                    connecting != null
                            ? TelegramRuntime.start(
                                    Beside.await(connecting), service, catalogs, charts)
                            : null;
            if (telegram != null) {
                metrics.bindSends(Platform.TELEGRAM, telegram.bot().counters());
            }
            try {
                this.discord =
                        config.discord().isPresent()
                                ? DiscordRuntime.start(
                                        config.discord().get(), service, catalogs, charts)
                                : null;
            } catch (Exception e) {
                if (telegram != null) {
                    telegram.close();
                }
                charts.close();
                database.close();
                throw e;
            }
            if (discord != null) {
                metrics.bindSends(Platform.DISCORD, discord.sendStats());
            }
            this.console =
                    telegram == null && discord == null
                            ? new ConsoleAdapter(
                                    in,
                                    out,
                                    service,
                                    Path.of(""),
                                    ConsoleCharts.inTemporaryFiles(charts),
                                    config.language())
                            : null;
            timekeeper.start();
            this.ops = startOps(config);
            this.housekeeping =
                    Housekeeping.start(database, store, service, metrics, clock, config);
            var nudges = store.nudgeLog();
            AfterStart.begin(
                    metrics,
                    service,
                    telegram,
                    () -> timekeeper.restoreMissingReminders(nudges.usersMissingReminderTask()));
            log.info("started with {}", config);
        } catch (Exception | Error e) {
            strands.abandon();
            throw e;
        }
    }

    /**
     * The operator endpoints on HTTP_PORT. The terminal chat is for trying the bot out: when the
     * default port is taken and HTTP_PORT was not asked for, it chats without them instead of
     * failing.
     */
    private @Nullable OpsServer startOps(AppConfig config) throws java.io.IOException {
        int port = config.effectiveHttpPort().getAsInt();
        try {
            return OpsServer.start(
                    port, metrics, ReadinessChecks.of(closing, service, telegram, discord));
        } catch (java.net.BindException e) {
            if (config.httpPort().isPresent() || config.anyPlatform()) {
                throw e;
            }
            log.warn(
                    "port {} is taken: chatting without /healthz, /readyz and /metrics (set HTTP_PORT to serve them)",
                    port);
            return null;
        }
    }

    /** The port of the operator endpoints, when they are served. */
    Optional<Integer> httpPort() {
        return ops == null ? Optional.empty() : Optional.of(ops.port());
    }

    /** Telegram's send counters (zeros without Telegram), for tests. */
    SendCounters telegramCounters() {
        return telegram == null ? new SendCounters() : telegram.bot().counters();
    }

    /** The Discord runtime, when Discord is on: for tests. */
    @Nullable DiscordRuntime discord() {
        return discord;
    }

    /** Reminder counters (sent, skipped, late, failed), for tests. */
    ReminderCounters reminderCounters() {
        return timekeeper.counters();
    }

    /**
     * Chats on the console until end of input, or serves the platforms until {@link #close} has
     * finished.
     */
    void run() throws Exception {
        if (console != null) {
            console.run();
        } else {
            stopped.await();
        }
    }

    private ChannelPort channel(Platform platform) {
        if (platform == Platform.TELEGRAM && telegram != null) {
            return telegram.bot();
        }
        if (platform == Platform.DISCORD && discord != null) {
            return discord.channel();
        }
        if (console != null) {
            return console;
        }
        return (user, chat, replies) ->
                log.warn("no channel for {} users: {} replies not sent", platform, replies.size());
    }

    /**
     * Stops in order, each stage bounded by SHUTDOWN_TIMEOUT_SECONDS: receivers take no new updates
     * (and finish those taken), the scheduler starts no new reminders or timers (running ones
     * finish their send), turns in flight finish and commit, queued replies go out, then the
     * endpoints and the database close. A second call, from another thread (a signal, the shutdown
     * hook, the end of the terminal chat), waits for the first to finish, so that no caller exits
     * the JVM halfway.
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
        } catch (Exception e) {
            log.warn("Telegram did not stop receiving cleanly: {}", e.getMessage());
        }
        try {
            timekeeper.close();
        } catch (RuntimeException e) {
            log.warn("the scheduler did not stop cleanly: {}", e.getMessage());
        }
        try {
            if (discord != null) {
                discord.stop(flush);
            }
            housekeeping.stop();
            if (!service.awaitNoTurns(flush)) {
                log.warn("{} turns still running after {}", service.stats().turnsInFlight(), flush);
            }
            if (telegram != null) {
                telegram.flushAndClose(flush);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("a platform did not stop cleanly: {}", e.getMessage());
        }
        housekeeping.stopNow();
        if (ops != null) {
            ops.close();
        }
        charts.close();
        database.close();
        metrics.close();
        log.info("stopped");
        stopped.countDown();
    }
}
