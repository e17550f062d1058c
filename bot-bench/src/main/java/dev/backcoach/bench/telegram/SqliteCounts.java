package dev.backcoach.bench.telegram;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Prints the row counts the webhook benchmark checks, read-only, as one line:
 * {@code db-counts user_session=N processed_event=N}. Each committed turn stores one
 * {@code processed_event} row, so that count is the number of updates that ran a turn and wrote state.
 *
 * <p>Run: {@code java -cp bot-bench/target/benchmarks.jar dev.backcoach.bench.telegram.SqliteCounts FILE}
 */
public final class SqliteCounts {
    private SqliteCounts() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SqliteCounts SQLITE_FILE");
            System.exit(2);
        }
        StringBuilder line = new StringBuilder("db-counts");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + args[0] + "?mode=ro");
                Statement s = c.createStatement()) {
            for (String table : new String[] {"user_session", "processed_event"}) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
                    r.next();
                    line.append(' ').append(table).append('=').append(r.getLong(1));
                }
            }
        }
        System.out.println(line);
    }
}
