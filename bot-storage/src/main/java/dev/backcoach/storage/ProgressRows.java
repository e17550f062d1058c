package dev.backcoach.storage;

import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.progress.ProgressLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what /progress shows from three tables: progress_rating, practice_session and reminder_day,
 * from one of the user's days on. Dates compare correctly on both databases (DATE on PostgreSQL,
 * ISO text on SQLite).
 */
final class ProgressRows {
    private static final String RATINGS =
            "SELECT day, score FROM progress_rating WHERE platform = ? AND user_id = ? AND day >= ?";
    private static final String SESSIONS =
            "SELECT day, sessions FROM practice_session WHERE platform = ? AND user_id = ? AND day >= ?";
    private static final String REMINDERS =
            "SELECT day, 1 FROM reminder_day WHERE platform = ? AND user_id = ? AND day >= ?";

    private ProgressRows() {}

    static ProgressLog read(Connection c, Dialect dialect, UserKey user, LocalDate from)
            throws SQLException {
        SortedMap<LocalDate, Integer> ratings = days(c, dialect, RATINGS, user, from);
        SortedMap<LocalDate, Integer> sessions = days(c, dialect, SESSIONS, user, from);
        SortedSet<LocalDate> reminders =
                new TreeSet<>(days(c, dialect, REMINDERS, user, from).keySet());
        return new ProgressLog(ratings, sessions, reminders);
    }

    private static SortedMap<LocalDate, Integer> days(
            Connection c, Dialect dialect, String sql, UserKey user, LocalDate from)
            throws SQLException {
        SortedMap<LocalDate, Integer> days = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            UserTables.bindUser(select, user);
            dialect.setDate(select, 3, from);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LocalDate day = dialect.getDate(rows, "day");
                    if (day != null) {
                        days.put(day, rows.getInt(2));
                    }
                }
            }
        }
        return days;
    }

    /** Every rating the user gave, by day: for the export's summary. */
    static SortedMap<LocalDate, Integer> ratings(Connection c, UserKey user) throws SQLException {
        SortedMap<LocalDate, Integer> history = new TreeMap<>();
        try (PreparedStatement select =
                c.prepareStatement(
                        "SELECT day, score FROM progress_rating WHERE platform = ? AND user_id = ?")) {
            UserTables.bindUser(select, user);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Object day = rows.getObject(1); // DATE on PostgreSQL, ISO text on SQLite
                    history.put(
                            day instanceof java.sql.Date date
                                    ? date.toLocalDate()
                                    : LocalDate.parse(day.toString()),
                            rows.getInt(2));
                }
            }
        }
        return history;
    }
}
