package dev.backcoach.faults.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the store says of each reminder the fake never received. A reminder is at most once (the
 * architecture's rule): it is marked sent right before its request leaves, so a process killed
 * between that mark and the request leaving loses it, by design. Such a loss is explained only when
 * the mark was made within {@link #HAND_OVER_WINDOW} before a kill; any other missing reminder (no
 * claim, a claim never sent, a mark long before any kill) is a fault.
 */
final class ReminderFates {
    /** Marking sent and writing the request are microseconds apart; a loaded machine, some ms. */
    static final Duration HAND_OVER_WINDOW = Duration.ofMillis(250);

    private ReminderFates() {}

    /** One line per missing reminder, and whether a kill explains it. */
    record Fate(long userId, String line, boolean explained) {}

    static List<Fate> of(
            String url,
            @Nullable String user,
            @Nullable String password,
            List<Long> missing,
            List<Instant> kills)
            throws SQLException {
        if (missing.isEmpty()) {
            return List.of(); // the usual case: nothing to look up
        }
        List<Fate> fates = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement q =
                        c.prepareStatement(
                                "SELECT status, updated_at FROM nudge_log WHERE user_id = ?"
                                        + " AND kind = 'evening'")) {
            for (long id : missing) {
                q.setString(1, Long.toString(id));
                try (ResultSet row = q.executeQuery()) {
                    if (!row.next()) {
                        fates.add(new Fate(id, id + ": never claimed", false));
                        continue;
                    }
                    String status = row.getString(1);
                    Instant updated = instant(row, url.startsWith("jdbc:postgresql:"));
                    fates.add(fate(id, status, updated, kills));
                }
            }
        }
        return fates;
    }

    static Fate fate(long id, String status, Instant updated, List<Instant> kills) {
        Duration nearest = null;
        for (Instant kill : kills) {
            Duration before = Duration.between(updated, kill);
            if (!before.isNegative() && (nearest == null || before.compareTo(nearest) < 0)) {
                nearest = before;
            }
        }
        boolean explained =
                "sent".equals(status)
                        && nearest != null
                        && nearest.compareTo(HAND_OVER_WINDOW) <= 0;
        String when =
                nearest == null ? "after the last kill" : nearest.toMillis() + " ms before a kill";
        return new Fate(id, id + ": stored " + status + " " + when, explained);
    }

    private static Instant instant(ResultSet row, boolean postgres) throws SQLException {
        if (postgres) {
            return row.getObject(2, OffsetDateTime.class).toInstant();
        }
        return Instant.parse(row.getString(2));
    }
}
