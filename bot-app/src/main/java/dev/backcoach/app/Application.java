package dev.backcoach.app;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.discord.DiscordRuntime;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.JdbcStateStore;
import dev.backcoach.storage.SchedulerSetup;
import dev.backcoach.storage.schedule.ReminderCounters;
import dev.backcoach.storage.schedule.Timekeeper;
import dev.backcoach.telegram.TelegramRuntime;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the bot together: database, store, service, housekeeping, and the way users reach it:
 * Telegram and Discord when their tokens are set (both can run in one process), otherwise the console.
 * Reminders and step timers wait in the database as scheduler tasks.
 */
final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);
    /** Replies of handled events are kept this long for re-deliveries, then purged. */
    static final Duration EVENT_RETENTION = Duration.ofDays(7);
    /** On shutdown, queued replies get this long to go out. */
    static final Duration FLUSH = Duration.ofSeconds(10);

    private final Database database;
    private final ScheduledExecutorService background;
    private final ConversationService service;
    private final Timekeeper timekeeper;
    private final @Nullable ConsoleAdapter console;
    private final @Nullable TelegramRuntime telegram;
    private final @Nullable DiscordRuntime discord;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

    Application(AppConfig config, InputStream in, PrintStream out) throws Exception {
        this(config, in, out, Clock.systemUTC());
    }

    /** With a clock of the test's choosing: reminders are due at local times hours away. */
    Application(AppConfig config, InputStream in, PrintStream out, Clock clock) throws Exception {
        Catalog catalog = CatalogLoader.load("en");
        this.database = Database.open(config.database());
        JdbcStateStore store = new JdbcStateStore(database, clock);
        this.background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "background");
            thread.setDaemon(true);
            return thread;
        });
        Timekeeper[] timekeeperOnceBuilt = new Timekeeper[1]; // the service needs it for effects, it needs the service
        this.service = new ConversationService(catalog, store, clock, effect -> timekeeperOnceBuilt[0].apply(effect),
                config.sessionCache());
        this.timekeeper = new Timekeeper(service, store.nudgeLog(), this::channel, clock,
                SchedulerSetup.forDatabase(database, clock));
        timekeeperOnceBuilt[0] = timekeeper;
        this.telegram = config.telegram().isPresent()
                ? TelegramRuntime.start(config.telegram().get(), service, catalog) : null;
        try {
            this.discord = config.discord().isPresent()
                    ? DiscordRuntime.start(config.discord().get(), service, catalog) : null;
        } catch (Exception e) {
            if (telegram != null) {
                telegram.close();
            }
            throw e;
        }
        this.console = telegram == null && discord == null ? new ConsoleAdapter(in, out, service) : null;
        int restored = timekeeper.restoreMissingReminders(store.nudgeLog().usersMissingReminderTask());
        if (restored > 0) {
            log.info("put back {} evening reminders whose task was missing", restored);
        }
        timekeeper.start();
        background.scheduleWithFixedDelay(this::probe, 5, 5, TimeUnit.SECONDS);
        background.scheduleWithFixedDelay(() -> purge(store, clock), 1, 60, TimeUnit.MINUTES);
    }

    /** Telegram's send counters (zeros without Telegram), for tests and, later, metrics. */
    dev.backcoach.telegram.SendCounters telegramCounters() {
        return telegram == null ? new dev.backcoach.telegram.SendCounters() : telegram.bot().counters();
    }

    /** The Discord runtime, when Discord is on: for tests. */
    @Nullable DiscordRuntime discord() {
        return discord;
    }

    /** Chats on the console until end of input, or serves the platforms until {@link #close}. */
    void run() throws Exception {
        if (console != null) {
            console.run();
        } else {
            stopped.await();
        }
    }

    /** Reminder counters (sent, skipped, late, failed), for tests and metrics. */
    ReminderCounters reminderCounters() {
        return timekeeper.counters();
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
            int claims = store.nudgeLog().purgeBefore(clock.instant().minus(EVENT_RETENTION));
            log.debug("purged {} handled events and {} reminder claims older than {}", purged, claims, EVENT_RETENTION);
        } catch (RuntimeException e) {
            log.warn("could not purge old events: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            timekeeper.close(); // no new reminders or timers; running ones finish their send
        } catch (RuntimeException e) {
            log.warn("the scheduler did not stop cleanly: {}", e.getMessage());
        }
        try {
            if (telegram != null) {
                telegram.stop(FLUSH);
            }
        } catch (Exception e) {
            log.warn("Telegram did not stop cleanly: {}", e.getMessage());
        }
        try {
            if (discord != null) {
                discord.stop(FLUSH);
            }
        } catch (Exception e) {
            log.warn("Discord did not stop cleanly: {}", e.getMessage());
        }
        background.shutdownNow();
        database.close();
        stopped.countDown();
    }
}
