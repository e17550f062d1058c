package dev.backcoach.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Whether the schema is already at the newest version, read from Flyway's history table. On a
 * restart there is nothing to migrate, yet Flyway (its classpath scan, its validation) took a fifth
 * of start-up to find that out; this check answers in a few milliseconds. It says "current" only
 * when the history holds exactly the migrations of this jar, each applied successfully and with the
 * checksum Flyway gives its file. Any difference (a newer jar, a failed or edited migration, a
 * history it cannot read) and Flyway runs as before, and explains.
 */
final class SchemaCheck {
    /**
     * The migrations in {@code db/migration/<dialect>}, oldest first. A test keeps this list equal
     * to the folders, so a new migration cannot be skipped by a stale list.
     */
    static final List<String> MIGRATIONS =
            List.of(
                    "V1__user_tables.sql",
                    "V2__unreachable_users.sql",
                    "V3__nudges.sql",
                    "V4__route_reason.sql",
                    "V5__user_zone.sql",
                    "V6__habits.sql",
                    "V7__language.sql");

    private static final String HISTORY =
            "SELECT version, checksum, success FROM flyway_schema_history";

    private SchemaCheck() {}

    /** True when Flyway would find nothing to apply and nothing to report. */
    static boolean isCurrent(Connection connection, Dialect dialect) {
        Map<String, Integer> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(HISTORY)) {
            while (rows.next()) {
                String version = rows.getString(1);
                int checksum = rows.getInt(2);
                boolean noChecksum = rows.wasNull();
                if (version == null || noChecksum || !rows.getBoolean(3)) {
                    return false; // a failed, repeatable or marker row: Flyway's to judge
                }
                applied.put(version, checksum);
            }
        } catch (SQLException e) {
            rollBackQuietly(connection); // e.g. no history yet: a new database
            return false;
        }
        // Computed only now: a new database (no history) is answered without reading the files.
        return applied.size() == MIGRATIONS.size() && applied.equals(expected(dialect));
    }

    /** Version ("7") to checksum, for this dialect's migrations. */
    static Map<String, Integer> expected(Dialect dialect) {
        Map<String, Integer> expected = new HashMap<>();
        for (String file : MIGRATIONS) {
            expected.put(version(file), checksum(folder(dialect) + "/" + file));
        }
        return expected;
    }

    /** "V5__user_zone.sql" is version "5". */
    static String version(String migration) {
        return migration.substring(1, migration.indexOf("__"));
    }

    static String folder(Dialect dialect) {
        return "db/migration/" + dialect.name().toLowerCase(Locale.ROOT);
    }

    /** Flyway's checksum of a migration: CRC-32 of its lines in UTF-8, without line breaks. */
    static int checksum(String resource) {
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration not on the classpath: " + resource);
            }
            return checksumOf(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("migration cannot be read: " + resource, e);
        }
    }

    /** Flyway's checksum of a script's text: CRC32 of its lines, without a byte-order mark. */
    static int checksumOf(String script) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(script))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
                crc.update(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return (int) crc.getValue();
    }

    private static void rollBackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection goes back to the pool, which checks it
        }
    }
}
