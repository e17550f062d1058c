package dev.backcoach.storage;

import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code processed_event} rows: the replies each handled update got, kept for a while so that a
 * re-delivered update is recognised and answered the same way.
 */
final class EventRows {
    /** Inserts nothing for an event committed before: that is how a re-delivery is recognised. */
    private static final String INSERT =
            "INSERT INTO processed_event "
                    + "(platform, user_id, event_id, replies, created_at) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (platform, user_id, event_id) DO NOTHING";

    private static final String REPLIES =
            "SELECT replies FROM processed_event "
                    + "WHERE platform = ? AND user_id = ? AND event_id = ?";

    private static final String PURGE = "DELETE FROM processed_event WHERE created_at < ?";

    private EventRows() {}

    /** False when the event was committed before (nothing inserted). */
    static boolean insert(
            Connection c,
            Dialect dialect,
            UserKey user,
            String eventId,
            String replies,
            Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            UserTables.bindUser(insert, user);
            insert.setString(3, eventId);
            insert.setString(4, replies);
            dialect.setInstant(insert, 5, now);
            return insert.executeUpdate() == 1;
        }
    }

    /** The replies an event got when it was committed, if it was. */
    static Optional<List<Reply>> replies(Connection c, UserKey user, String eventId)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(REPLIES)) {
            UserTables.bindUser(select, user);
            select.setString(3, eventId);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(RepliesJson.readOrNothing(row.getString(1)))
                        : Optional.empty();
            }
        }
    }

    /** Deletes the events handled before {@code cutoff}; returns how many. */
    static int purgeBefore(Connection c, Dialect dialect, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(PURGE)) {
            dialect.setInstant(delete, 1, cutoff);
            return delete.executeUpdate();
        }
    }
}
