package dev.backcoach.bench.telegram;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Prints the row counts the webhook benchmark checks as one line: {@code db-counts user_session=N
 * processed_event=N}. Each committed turn stores one {@code processed_event} row, so that count is
 * the number of updates that ran a turn and wrote state.
 *
 * <p>Run: {@code java -cp bot-bench/target/benchmarks.jar dev.backcoach.bench.telegram.RowCounts
 * JDBC_URL} (a SQLite file is best opened read-only: {@code jdbc:sqlite:file:PATH?mode=ro});
 * PostgreSQL's user and password come from DATABASE_USER and DATABASE_PASSWORD.
 */
public final class RowCounts {
    private RowCounts() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: RowCounts JDBC_URL");
            System.exit(2);
        }
        StringBuilder line = new StringBuilder("db-counts");
        try (Connection c =
                        DriverManager.getConnection(
                                args[0],
                                System.getenv("DATABASE_USER"),
                                System.getenv("DATABASE_PASSWORD"));
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
