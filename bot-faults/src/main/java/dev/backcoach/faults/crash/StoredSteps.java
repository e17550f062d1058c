package dev.backcoach.faults.crash;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compares the step each user last saw with the step stored for them, after the bot stopped: what a
 * user is shown must be what the next process starts from.
 */
final class StoredSteps {
    private StoredSteps() {}

    /** One line per user whose stored step differs from the one on their screen. */
    static List<String> mismatches(
            String url, @Nullable String user, @Nullable String password, Map<Long, Integer> shown)
            throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement q =
                        c.prepareStatement("SELECT user_id, dialogue FROM user_session")) {
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    Integer step = shown.get(Long.parseLong(rows.getString(1)));
                    if (step == null) {
                        continue;
                    }
                    String dialogue = rows.getString(2);
                    // guiding:KIND:id:step:timer, step 0 being the introduction
                    String[] fields = dialogue.split(":", -1);
                    boolean same =
                            fields.length >= 4
                                    && fields[0].equals("guiding")
                                    && fields[3].equals(Integer.toString(step));
                    if (!same) {
                        wrong.add(rows.getString(1) + " saw step " + step + ", stored " + dialogue);
                    }
                }
            }
        }
        return wrong;
    }
}
