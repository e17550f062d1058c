package dev.backcoach.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcoach.core.model.Platform;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A stored /progress reply with a chart, as processed_event keeps it: the app replays it when the
 * platform delivers the same event again, and must draw and send the chart again. Until the engine
 * makes such replies itself, this is how the end-to-end tests get one; afterwards a test can just
 * send /progress.
 */
final class ChartReplays {
    static final String TEXT = "Stiffness went from 6 to 3 over 12 days; 9 sessions.";

    /** One reply, in the JSON RepliesJson writes (dates as ISO text). */
    static final String REPLIES =
            """
            [{"text":"%s","buttons":[[{"label":"Log today","data":"progress"}]],
              "replacePrevious":false,"stale":false,"pressNote":false,
              "chart":{"zone":"Europe/Berlin","today":"2026-12-02",
                "ratings":{"2026-11-20":6,"2026-11-25":5,"2026-11-28":4,"2026-12-02":3},
                "sessions":{"2026-11-25":1,"2026-12-01":2},"reminderDays":["2026-12-01"],
                "labels":{"title":"Your last 4 weeks","stiffness":"Stiffness (0–10)",
                  "sessions":"Sessions","reminder":"Reminder sent","languageTag":"en"}}}]
            """
                    .formatted(TEXT);

    private ChartReplays() {}

    /** Marks {@code eventId} of the user as handled with the chart reply. */
    static void store(Path dir, Platform platform, long userId, String eventId)
            throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bot.db"));
                PreparedStatement insert =
                        db.prepareStatement(
                                "INSERT INTO processed_event"
                                        + " (platform, user_id, event_id, replies, created_at)"
                                        + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, platform.name());
            insert.setString(2, Long.toString(userId));
            insert.setString(3, eventId);
            insert.setString(4, REPLIES);
            insert.setString(5, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    /** {@code json} (an update) with {@code updateId}. */
    static String withUpdateId(String json, int updateId) {
        try {
            ObjectNode update = (ObjectNode) new ObjectMapper().readTree(json);
            update.put("update_id", updateId);
            return update.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
