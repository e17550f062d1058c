package dev.backcoach.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Makes the schema of a new, empty SQLite file exactly as Flyway would: the same history table, the
 * same migrations in one transaction, the same history rows (checksum, description, an empty
 * "installed by", as Flyway writes for SQLite). On a first start Flyway took a third of a second to
 * load and plan what is seven scripts on an empty file; a later jar's Flyway reads this history as
 * its own ({@code NewSqliteSchemaTest} holds both to that). Anything that is not an empty file, and
 * PostgreSQL always, is Flyway's.
 */
final class NewSqliteSchema {
    /** Flyway's own history table for SQLite, as its version in this build creates it. */
    static final String HISTORY_TABLE =
            """
            CREATE TABLE IF NOT EXISTS "flyway_schema_history" (
                "installed_rank" INT NOT NULL PRIMARY KEY,
                "version" VARCHAR(50),
                "description" VARCHAR(200) NOT NULL,
                "type" VARCHAR(20) NOT NULL,
                "script" VARCHAR(1000) NOT NULL,
                "checksum" INT,
                "installed_by" VARCHAR(100) NOT NULL,
                "installed_on" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
                "execution_time" INT NOT NULL,
                "success" BOOLEAN NOT NULL
            );
            CREATE INDEX "flyway_schema_history_s_idx" ON "flyway_schema_history" ("success");
            """;

    private static final String RECORD =
            "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                    + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
                    + " \"execution_time\", \"success\") VALUES (?, ?, ?, 'SQL', ?, ?, '', ?, 1)";

    private NewSqliteSchema() {}

    /**
     * Makes the schema when the file holds nothing yet, in one transaction that takes SQLite's
     * write lock first (the pool begins transactions IMMEDIATE), so a second opener waits and then
     * finds it made.
     *
     * @return false, touching nothing, when the file already holds something
     */
    static boolean makeIfEmpty(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (!isEmpty(connection)) {
                connection.rollback();
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(HISTORY_TABLE);
            }
            int rank = 1;
            for (String script : SchemaCheck.MIGRATIONS) {
                apply(connection, rank++, script);
            }
            connection.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet any = statement.executeQuery("SELECT 1 FROM sqlite_master LIMIT 1")) {
            return !any.next();
        }
    }

    private static void apply(Connection connection, int rank, String script) throws SQLException {
        String resource = SchemaCheck.folder(Dialect.SQLITE) + "/" + script;
        long start = System.nanoTime();
        String text = text(resource);
        // The driver hands the whole script to sqlite3_exec, which runs its statements in turn.
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(text);
        }
        int millis = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        try (PreparedStatement record = connection.prepareStatement(RECORD)) {
            record.setInt(1, rank);
            record.setString(2, SchemaCheck.version(script));
            record.setString(3, description(script));
            record.setString(4, script);
            record.setInt(5, SchemaCheck.checksumOf(text));
            record.setInt(6, millis);
            record.executeUpdate();
        }
    }

    /** "V5__user_zone.sql" is described as "user zone", as Flyway does. */
    static String description(String script) {
        return script.substring(script.indexOf("__") + 2, script.length() - ".sql".length())
                .replace('_', ' ');
    }

    private static String text(String resource) {
        try (InputStream in =
                NewSqliteSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("migration cannot be read: " + resource, e);
        }
    }
}
