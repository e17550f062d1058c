package dev.backcoach.storage;

import dev.backcoach.core.model.UserKey;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The tables that hold something about a user: every table with {@code platform} and {@code
 * user_id} columns, found in the database's own metadata. A table added by a later migration is
 * therefore exported and forgotten without a change here; the schema rule (every user table has
 * both columns) is checked by the contract test.
 */
final class UserTables {
    /** Columns holding JSON text; the export shows them as JSON, not as a string of JSON. */
    private static final Set<String> JSON_COLUMNS = Set.of("replies");

    /**
     * db-scheduler's table has a shape of its own: a user's tasks are named {@code <PLATFORM>:<user
     * id>} (reminders) or {@code <PLATFORM>:<user id>:<n>} (step timers).
     */
    static final String TASKS = "scheduled_tasks";

    private static final String TASKS_OF_USER =
            " FROM " + TASKS + " WHERE task_instance = ? OR substr(task_instance, 1, ?) = ?";

    private final List<String> names;

    private UserTables(List<String> names) {
        this.names = List.copyOf(names);
    }

    static UserTables discover(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        Map<String, Set<String>> columnsByTable = new HashMap<>();
        try (ResultSet columns =
                metadata.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
            while (columns.next()) {
                columnsByTable
                        .computeIfAbsent(columns.getString("TABLE_NAME"), t -> new TreeSet<>())
                        .add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        Set<String> tables = new TreeSet<>();
        columnsByTable.forEach(
                (table, columns) -> {
                    if (columns.contains("platform") && columns.contains("user_id")) {
                        tables.add(table);
                    }
                });
        return new UserTables(new ArrayList<>(tables));
    }

    List<String> names() {
        return names;
    }

    /**
     * Table name → the user's rows, each column → a plain value (dates and instants as ISO text).
     */
    Map<String, Object> export(Connection connection, UserKey user) throws SQLException {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String table : names) {
            try (PreparedStatement select =
                    connection.prepareStatement(
                            "SELECT * FROM "
                                    + quote(table)
                                    + " WHERE platform = ? AND user_id = ?")) {
                bindUser(select, user);
                try (ResultSet rows = select.executeQuery()) {
                    all.put(table, rowsOf(rows));
                }
            }
        }
        try (PreparedStatement select =
                connection.prepareStatement("SELECT task_name, execution_time" + TASKS_OF_USER)) {
            bindTasks(select, user);
            List<Map<String, @Nullable Object>> tasks = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp at = rows.getTimestamp(2);
                    tasks.add(
                            Map.of(
                                    "task_name",
                                    rows.getString(1),
                                    "execution_time",
                                    at == null ? "" : Timestamps.format(at.toInstant())));
                }
            }
            all.put(TASKS, tasks);
        }
        return all;
    }

    void forget(Connection connection, UserKey user) throws SQLException {
        for (String table : names) {
            try (PreparedStatement delete =
                    connection.prepareStatement(
                            "DELETE FROM "
                                    + quote(table)
                                    + " WHERE platform = ? AND user_id = ?")) {
                bindUser(delete, user);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE" + TASKS_OF_USER)) {
            bindTasks(delete, user);
            delete.executeUpdate();
        }
    }

    /** The id of the user's reminder task, and the prefix of their step timers' ids. */
    static String taskId(UserKey user) {
        return user.platform().name() + ":" + user.userId();
    }

    private static void bindTasks(PreparedStatement statement, UserKey user) throws SQLException {
        String prefix = taskId(user) + ":";
        statement.setString(1, taskId(user));
        statement.setInt(2, prefix.length());
        statement.setString(3, prefix);
    }

    private static List<Map<String, @Nullable Object>> rowsOf(ResultSet rows) throws SQLException {
        ResultSetMetaData metadata = rows.getMetaData();
        List<Map<String, @Nullable Object>> list = new ArrayList<>();
        while (rows.next()) {
            Map<String, @Nullable Object> row = new LinkedHashMap<>();
            for (int column = 1; column <= metadata.getColumnCount(); column++) {
                String name = metadata.getColumnLabel(column).toLowerCase(Locale.ROOT);
                row.put(name, plain(rows, column, name, metadata.getColumnTypeName(column)));
            }
            list.add(row);
        }
        return list;
    }

    /** The same value for both databases: SQLite keeps booleans as 0/1 and dates as text. */
    private static @Nullable Object plain(ResultSet rows, int column, String name, String type)
            throws SQLException {
        String lowerType = type.toLowerCase(Locale.ROOT);
        Object value =
                lowerType.equals("boolean") || lowerType.equals("bool")
                        ? Boolean.valueOf(rows.getBoolean(column))
                        : rows.getObject(column);
        if (rows.wasNull() || value == null) {
            return null;
        } else if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        } else if (value instanceof Timestamp timestamp) {
            return Timestamps.format(timestamp.toInstant());
        } else if (value instanceof Short number) {
            return number.intValue();
        } else if (value instanceof String text && JSON_COLUMNS.contains(name)) {
            return RepliesJson.tree(text);
        }
        return value;
    }

    static void bindUser(PreparedStatement statement, UserKey user) throws SQLException {
        statement.setString(1, user.platform().name());
        statement.setString(2, user.userId());
    }

    private static String quote(String table) {
        return '"' + table.replace("\"", "\"\"") + '"';
    }
}
