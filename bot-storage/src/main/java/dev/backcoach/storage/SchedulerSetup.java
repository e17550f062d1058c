package dev.backcoach.storage;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** How the bot runs db-scheduler on its database. */
public final class SchedulerSetup {
    /**
     * Enough task threads to keep a high send budget busy while each thread waits for its message
     * to leave (reminders block until the platform took them).
     */
    public static final int THREADS = 16;

    /** Step timers are seconds long: look for due tasks every second. */
    static final Duration POLLING = Duration.ofSeconds(1);

    /** A crashed instance's running tasks are taken over after about four missed heartbeats. */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    static final int MISSED_HEARTBEATS = 4;

    private static final String DUE =
            "SELECT COUNT(*), MIN(execution_time) FROM scheduled_tasks "
                    + "WHERE picked = ? AND execution_time <= ?";

    private SchedulerSetup() {}

    /** Tasks due and not yet picked up, and how long the oldest of them has waited. */
    public record Backlog(long due, Duration oldestWait) {}

    public static Backlog backlog(Database database, java.time.Instant now) {
        try (java.sql.Connection c = database.connection();
                java.sql.PreparedStatement select = c.prepareStatement(DUE)) {
            select.setBoolean(1, false);
            select.setTimestamp(2, java.sql.Timestamp.from(now));
            try (java.sql.ResultSet row = select.executeQuery()) {
                row.next();
                java.sql.Timestamp oldest = row.getTimestamp(2);
                Duration wait =
                        oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now);
                return new Backlog(row.getLong(1), wait.isNegative() ? Duration.ZERO : wait);
            }
        } catch (java.sql.SQLException e) {
            throw new dev.backcoach.core.service.StoreUnavailableException(
                    "cannot read the scheduler's backlog: " + e.getMessage(), e);
        }
    }

    /**
     * A client that only schedules, for the service's effects ({@code schedule.Scheduling}): built
     * before the service, while the scheduler that runs the tasks needs the service and comes
     * after.
     */
    public static SchedulerClient client(Database database) {
        return SchedulerClient.Builder.create(database.schedulerDataSource())
                .serializer(new dev.backcoach.storage.schedule.TaskData())
                .build();
    }

    /**
     * @param clock the bot's clock, so the scheduler and the conversation agree on what "now" is
     */
    public static Function<List<Task<?>>, Scheduler> forDatabase(
            Database database, java.time.Clock clock) {
        return tasks -> {
            SchedulerBuilder builder =
                    Scheduler.create(database.schedulerDataSource(), tasks)
                            .clock(clock::instant)
                            .threads(THREADS)
                            .pollingInterval(POLLING)
                            .heartbeatInterval(HEARTBEAT)
                            .missedHeartbeatsLimit(MISSED_HEARTBEATS)
                            .serializer(new dev.backcoach.storage.schedule.TaskData())
                            .shutdownMaxWait(Duration.ofSeconds(10))
                            .deleteUnresolvedAfter(Duration.ofDays(1));
            if (database.dialect() == Dialect.POSTGRESQL) {
                // Several instances on one PostgreSQL: pick due tasks with SELECT … FOR UPDATE SKIP
                // LOCKED.
                builder.pollUsingLockAndFetch(0.5, 1.0);
            }
            return builder.build();
        };
    }
}
