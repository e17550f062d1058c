package dev.backcoach.storage;

import dev.backcoach.core.model.UserKey;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The nudge_log table: a reminder is claimed here right before it is sent. The claim is an insert
 * that does nothing on conflict, so however often the scheduler runs a reminder's task (it is
 * at-least-once after a crash), only the first run sends it: at most one per user, local day and
 * kind.
 */
public final class NudgeLog {
    /**
     * What became of a claimed reminder. A reminder is claimed as SENT right before it goes to the
     * platform (one write, not two); the rare refusal then changes it to FAILED.
     */
    public enum Status {
        CLAIMED,
        SENT,
        FAILED,
        LATE
    }

    private static final String CLAIM =
            "INSERT INTO nudge_log (platform, user_id, local_date, kind, status, due_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, user_id, local_date, kind) DO NOTHING";
    private static final String MARK =
            "UPDATE nudge_log SET status = ?, updated_at = ? "
                    + "WHERE platform = ? AND user_id = ? AND local_date = ? AND kind = ?";
    private static final String MISSING_TASKS =
            "SELECT s.platform, s.user_id FROM user_session s "
                    + "WHERE s.nudge_time IS NOT NULL AND NOT EXISTS (SELECT 1 FROM scheduled_tasks t "
                    + "WHERE t.task_name = 'nudge' AND t.task_instance = s.platform || ':' || s.user_id)";

    /** The day an evening reminder went out, for the progress chart; kept until /forget. */
    private static final String REMINDER_DAY =
            "INSERT INTO reminder_day (platform, user_id, day) VALUES (?, ?, ?) "
                    + "ON CONFLICT (platform, user_id, day) DO NOTHING";

    private static final String NOT_A_REMINDER_DAY =
            "DELETE FROM reminder_day WHERE platform = ? AND user_id = ? AND day = ?";

    /** The kind of the daily reminder; its days are marked on the progress chart. */
    static final String EVENING = "evening";

    private static final String PURGE = "DELETE FROM nudge_log WHERE updated_at < ?";

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final Clock clock;

    NudgeLog(Jdbc jdbc, Dialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * True when this call claimed the reminder; false when it was claimed before (then it must not
     * go out).
     */
    public boolean claim(
            UserKey user, LocalDate localDate, String kind, Instant dueAt, Status status) {
        return jdbc.transaction(
                "claiming a reminder",
                c -> {
                    try (PreparedStatement insert = c.prepareStatement(CLAIM)) {
                        UserTables.bindUser(insert, user);
                        dialect.setDate(insert, 3, localDate);
                        insert.setString(4, kind);
                        insert.setString(5, status.name().toLowerCase(java.util.Locale.ROOT));
                        dialect.setInstant(insert, 6, dueAt);
                        dialect.setInstant(insert, 7, clock.instant());
                        boolean claimed = insert.executeUpdate() == 1;
                        if (claimed && status == Status.SENT && kind.equals(EVENING)) {
                            reminderDay(c, REMINDER_DAY, user, localDate);
                        }
                        return claimed;
                    }
                });
    }

    public void mark(UserKey user, LocalDate localDate, String kind, Status status) {
        jdbc.transaction(
                "recording a reminder's outcome",
                c -> {
                    try (PreparedStatement update = c.prepareStatement(MARK)) {
                        update.setString(1, status.name().toLowerCase(java.util.Locale.ROOT));
                        dialect.setInstant(update, 2, clock.instant());
                        update.setString(3, user.platform().name());
                        update.setString(4, user.userId());
                        dialect.setDate(update, 5, localDate);
                        update.setString(6, kind);
                        if (status == Status.FAILED && kind.equals(EVENING)) {
                            // It never reached the user: not a reminder day after all.
                            reminderDay(c, NOT_A_REMINDER_DAY, user, localDate);
                        }
                        return update.executeUpdate();
                    }
                });
    }

    private void reminderDay(java.sql.Connection c, String sql, UserKey user, LocalDate localDate)
            throws java.sql.SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            UserTables.bindUser(statement, user);
            dialect.setDate(statement, 3, localDate);
            statement.executeUpdate();
        }
    }

    /**
     * Users whose reminder is on but have no reminder task: the task is scheduled after the turn
     * that turned it on commits, so a crash in between leaves this (rare) gap to close at start.
     */
    public java.util.List<UserKey> usersMissingReminderTask() {
        return jdbc.readOnly(
                "finding reminders without a task",
                c -> {
                    java.util.List<UserKey> users = new java.util.ArrayList<>();
                    try (PreparedStatement select = c.prepareStatement(MISSING_TASKS);
                            java.sql.ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            users.add(
                                    new UserKey(
                                            dev.backcoach.core.model.Platform.valueOf(
                                                    rows.getString(1)),
                                            rows.getString(2)));
                        }
                    }
                    return users;
                });
    }

    /** Drops entries last changed before {@code cutoff}; returns how many. */
    public int purgeBefore(Instant cutoff) {
        return jdbc.transaction(
                "purging the reminder log",
                c -> {
                    try (PreparedStatement delete = c.prepareStatement(PURGE)) {
                        dialect.setInstant(delete, 1, cutoff);
                        return delete.executeUpdate();
                    }
                });
    }
}
