package dev.backcoach.app;

import dev.backcoach.app.ops.Metrics;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.JdbcStateStore;
import dev.backcoach.storage.SchedulerSetup;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic jobs on one background thread: probing the database (so /readyz and the log follow
 * it), purging handled events and reminder claims past their retention, and counting users per
 * route and the scheduler's backlog for the metrics. Each logs its own failures; nothing waits on
 * them.
 */
final class Housekeeping {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    /** The purge of old events runs this often, or as often as they expire if that is sooner. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(60);

    /**
     * Users per route and the scheduler's backlog are counted in the database this often, not on
     * every scrape.
     */
    static final Duration COUNT_EVERY = Duration.ofMinutes(1);

    private final ScheduledThreadPoolExecutor background;

    private Housekeeping(ScheduledThreadPoolExecutor background) {
        this.background = background;
    }

    static Housekeeping start(
            Database database,
            JdbcStateStore store,
            ConversationService service,
            Metrics metrics,
            Clock clock,
            AppConfig config) {
        ScheduledThreadPoolExecutor background =
                new ScheduledThreadPoolExecutor(
                        1,
                        runnable -> {
                            Thread thread = new Thread(runnable, "background");
                            thread.setDaemon(true);
                            return thread;
                        });
        // At shutdown, periodic jobs are dropped; a job already running finishes.
        background.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        background.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        Duration retention = config.eventRetention();
        List<ScheduledFuture<?>> unused =
                List.of(
                        background.scheduleWithFixedDelay(
                                () -> probe(service), 5, 5, TimeUnit.SECONDS),
                        background.scheduleWithFixedDelay(
                                () -> purge(store, clock, retention),
                                1,
                                purgeEvery(retention).toSeconds(),
                                TimeUnit.SECONDS),
                        background.scheduleWithFixedDelay(
                                () -> count(database, store, metrics, clock),
                                0,
                                COUNT_EVERY.toSeconds(),
                                TimeUnit.SECONDS));
        return new Housekeeping(background);
    }

    /** No new runs; one already running finishes. */
    void stop() {
        background.shutdown();
    }

    void stopNow() {
        background.shutdownNow();
    }

    /** Hourly, or every retention period when that is shorter: no row outlives it by much. */
    static Duration purgeEvery(Duration retention) {
        return retention.compareTo(PURGE_EVERY) < 0 ? retention : PURGE_EVERY;
    }

    private static void probe(ConversationService service) {
        boolean wasUp = service.health().state().up();
        service.health().probe();
        if (wasUp != service.health().state().up()) {
            log.warn(
                    "database is {}",
                    service.health().state().up() ? "reachable again" : "unreachable");
        }
    }

    private static void purge(JdbcStateStore store, Clock clock, Duration retention) {
        try {
            int purged = store.purgeEventsBefore(clock.instant().minus(retention));
            int claims = store.nudgeLog().purgeBefore(clock.instant().minus(retention));
            log.debug(
                    "purged {} handled events and {} reminder claims older than {}",
                    purged,
                    claims,
                    retention);
        } catch (RuntimeException e) {
            log.warn("could not purge old events: {}", e.getMessage());
        }
    }

    private static void count(
            Database database, JdbcStateStore store, Metrics metrics, Clock clock) {
        try {
            metrics.usersPerRoute(store.usersPerRoute());
            var backlog = SchedulerSetup.backlog(database, clock.instant());
            metrics.scheduler(backlog.due(), backlog.oldestWait());
        } catch (RuntimeException e) {
            log.debug(
                    "could not count users per route or the scheduler's backlog: {}",
                    e.getMessage());
        }
    }
}
