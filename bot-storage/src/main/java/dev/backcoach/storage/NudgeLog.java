package dev.backcoach.storage;

import dev.backcoach.core.model.UserKey;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The nudge_log table: a reminder is claimed here right before it is sent (CLAIMED), and marked
 * SENT at the moment its first message is handed to the platform. The claim is an insert that does
 * nothing on conflict, so however often the scheduler runs a reminder's task (it is at-least-once
 * after a crash), one run sends it: once per user, local day and kind. A claim still CLAIMED when
 * the task runs again belongs to a process that died before handing the message over: that run
 * takes it over and sends it.
 */
public final class NudgeLog {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NudgeLog.class);

    /**
     * A claim younger than this is being sent by a live task; an older one still CLAIMED was left
     * by a process that died. The scheduler runs a dead process's task again only after its
     * heartbeats stopped for four intervals (20 s, at least 15 s after the claim), so this is
     * shorter, and a second run finds the first one's claim fresh.
     */
    static final java.time.Duration TAKEOVER_AFTER = SchedulerSetup.HEARTBEAT.multipliedBy(2);

    /**
     * What became of a claimed reminder: CLAIMED until its first message is handed to the platform,
     * then SENT (the platform refusing it for good changes it to FAILED; one it refuses for now, to
     * be retried, goes back to CLAIMED). LATE: skipped, too late.
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
    private static final String TAKE_OVER =
            "UPDATE nudge_log SET updated_at = ? WHERE platform = ? AND user_id = ? AND local_date = ?"
                    + " AND kind = ? AND status = 'claimed' AND updated_at < ?";
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
     * go out). A CLAIMED claim also takes over one a dead process left CLAIMED (see {@link
     * #TAKEOVER_AFTER}); a claim made as SENT (or LATE) is final at once.
     */
    public boolean claim(
            UserKey user, LocalDate localDate, String kind, Instant dueAt, Status status) {
        return jdbc.transaction(
                "claiming a reminder",
                c -> {
                    Instant now = clock.instant();
                    try (PreparedStatement insert = c.prepareStatement(CLAIM)) {
                        UserTables.bindUser(insert, user);
                        dialect.setDate(insert, 3, localDate);
                        insert.setString(4, kind);
                        insert.setString(5, status.name().toLowerCase(java.util.Locale.ROOT));
                        dialect.setInstant(insert, 6, dueAt);
                        dialect.setInstant(insert, 7, now);
                        if (insert.executeUpdate() == 1) {
                            if (status == Status.SENT && kind.equals(EVENING)) {
                                reminderDay(c, REMINDER_DAY, user, localDate);
                            }
                            return true;
                        }
                    }
                    if (status != Status.CLAIMED) {
                        return false;
                    }
                    try (PreparedStatement takeOver = c.prepareStatement(TAKE_OVER)) {
                        dialect.setInstant(takeOver, 1, now);
                        takeOver.setString(2, user.platform().name());
                        takeOver.setString(3, user.userId());
                        dialect.setDate(takeOver, 4, localDate);
                        takeOver.setString(5, kind);
                        dialect.setInstant(takeOver, 6, now.minus(TAKEOVER_AFTER));
                        boolean taken = takeOver.executeUpdate() == 1;
                        if (taken) {
                            log.info(
                                    "a {} {} reminder claimed by a process that stopped before"
                                            + " handing it over is sent now",
                                    user.platform(),
                                    kind);
                        }
                        return taken;
                    }
                });
    }

    /**
     * Records what became of a claimed reminder. SENT makes an evening reminder's day a reminder
     * day (for the progress chart); FAILED and CLAIMED (refused for now, to be sent again) undo it.
     */
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
                        if (kind.equals(EVENING) && status == Status.SENT) {
                            reminderDay(c, REMINDER_DAY, user, localDate);
                        } else if (kind.equals(EVENING)
                                && (status == Status.FAILED || status == Status.CLAIMED)) {
                            // It has not reached the user: not a reminder day (yet).
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
