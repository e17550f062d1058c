package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.UserKey;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Looks at the database directly, apart from the store's own code: which tables exist and what they
 * hold, so /forget is checked against the schema and not against the store's own table list.
 */
final class SchemaFacts {
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private SchemaFacts() {}

    /**
     * Every table but Flyway's history and db-scheduler's; each must carry platform and user_id.
     * db-scheduler's table names a user's tasks by id instead (see {@link #tasksOf}).
     */
    static List<String> userTables(Database database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            DatabaseMetaData metadata = c.getMetaData();
            try (ResultSet rows =
                    metadata.getTables(
                            c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME");
                    if (!table.equalsIgnoreCase(FLYWAY_HISTORY)
                            && !table.equalsIgnoreCase(UserTables.TASKS)) {
                        tables.add(table);
                    }
                }
            }
            for (String table : tables) {
                assertThat(columns(metadata, c, table))
                        .as("user table " + table)
                        .contains("platform", "user_id");
            }
        }
        return tables;
    }

    static int rowsOf(Database database, String table, UserKey user) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement count =
                        c.prepareStatement(
                                "SELECT COUNT(*) FROM "
                                        + table
                                        + " WHERE platform = ? AND user_id = ?")) {
            count.setString(1, user.platform().name());
            count.setString(2, user.userId());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /**
     * The user's scheduled tasks, by the naming rule: {@code PLATFORM:user} and {@code
     * PLATFORM:user:n}.
     */
    static int tasksOf(Database database, UserKey user) throws SQLException {
        String id = user.platform().name() + ":" + user.userId();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement count =
                        c.prepareStatement(
                                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ? OR task_instance LIKE ?")) {
            count.setString(1, id);
            count.setString(2, id + ":%");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Puts a task into db-scheduler's table by hand, as the scheduler would. */
    static void addTask(Database database, String name, String instance) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement insert =
                        c.prepareStatement(
                                "INSERT INTO scheduled_tasks (task_name, task_instance, "
                                        + "execution_time, picked, version) VALUES (?, ?, ?, ?, 1)")) {
            insert.setString(1, name);
            insert.setString(2, instance);
            insert.setTimestamp(
                    3, java.sql.Timestamp.from(java.time.Instant.parse("2026-11-20T19:00:00Z")));
            insert.setBoolean(4, false);
            insert.executeUpdate();
        }
    }

    static String dialogueColumn(Database database, UserKey user) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement select =
                        c.prepareStatement(
                                "SELECT dialogue FROM user_session WHERE platform = ? AND user_id = ?")) {
            select.setString(1, user.platform().name());
            select.setString(2, user.userId());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static Set<String> columns(DatabaseMetaData metadata, Connection c, String table)
            throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rows = metadata.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
            while (rows.next()) {
                names.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
