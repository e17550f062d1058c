package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart shortcut past Flyway: it may skip Flyway only when Flyway itself would have found
 * nothing to do, so every way a schema can be behind or odd must send the start through Flyway.
 */
class SchemaCheckTest {
    @TempDir Path folder;

    @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

    @Test
    void theListNamesEveryMigrationInBothFoldersSoNoneCanBeSkipped()
            throws IOException, URISyntaxException {
        for (Dialect dialect : Dialect.values()) {
            Path dir =
                    Path.of(
                            Objects.requireNonNull(
                                            SchemaCheck.class
                                                    .getClassLoader()
                                                    .getResource(SchemaCheck.folder(dialect)))
                                    .toURI());
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted())
                        .as(dialect + " migrations")
                        .containsExactlyElementsOf(
                                SchemaCheck.MIGRATIONS.stream().sorted().toList());
            }
        }
    }

    @Test
    void afterFlywayMigratedANewSqliteDatabaseItIsCurrentWithFlywaysOwnChecksums()
            throws SQLException {
        DatabaseSettings settings = sqlite();
        try (Database database = Database.open(settings);
                Connection c = database.connection()) {
            assertThat(history(c)).isEqualTo(SchemaCheck.expected(Dialect.SQLITE));
            assertThat(SchemaCheck.isCurrent(c, Dialect.SQLITE)).isTrue();
        }
        // A restart takes the shortcut and finds the same schema.
        try (Database again = Database.open(settings);
                Connection c = again.connection()) {
            assertThat(history(c)).hasSize(SchemaCheck.MIGRATIONS.size());
        }
    }

    @Test
    void afterFlywayMigratedANewPostgresqlSchemaItIsCurrentWithFlywaysOwnChecksums()
            throws SQLException {
        try (Database database = Database.open(postgres.settings());
                Connection c = database.connection()) {
            assertThat(history(c)).isEqualTo(SchemaCheck.expected(Dialect.POSTGRESQL));
            assertThat(SchemaCheck.isCurrent(c, Dialect.POSTGRESQL)).isTrue();
        }
    }

    @Test
    void aNewPostgresqlSchemaIsNotCurrentAndTheConnectionStaysUsable() throws SQLException {
        try (Database database = new Database(postgres.settings());
                Connection c = database.connection()) {
            assertThat(SchemaCheck.isCurrent(c, Dialect.POSTGRESQL)).isFalse();
            try (Statement s = c.createStatement();
                    ResultSet one = s.executeQuery("SELECT 1")) {
                assertThat(one.next()).isTrue();
            }
        }
    }

    @Test
    void aSchemaAnOlderJarLeftBehindIsMigratedByFlywayToTheNewest() throws SQLException {
        DatabaseSettings settings = sqlite();
        try (Database old = new Database(settings)) {
            Flyway.configure()
                    .dataSource(old.dataSource())
                    .locations("classpath:" + SchemaCheck.folder(Dialect.SQLITE))
                    .target("5")
                    .load()
                    .migrate();
            try (Connection c = old.connection()) {
                assertThat(history(c)).hasSize(5);
                assertThat(SchemaCheck.isCurrent(c, Dialect.SQLITE)).isFalse();
            }
        }
        try (Database database = Database.open(settings);
                Connection c = database.connection()) {
            assertThat(history(c)).isEqualTo(SchemaCheck.expected(Dialect.SQLITE));
        }
    }

    @Test
    void anEditedAFailedOrAnUnknownMigrationInTheHistoryIsLeftToFlyway() throws SQLException {
        try (Database database = Database.open(sqlite());
                Connection c = database.connection()) {
            List<String> oddities =
                    List.of(
                            "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'",
                            "UPDATE flyway_schema_history SET success = 0 WHERE version = '7'",
                            "UPDATE flyway_schema_history SET version = '8' WHERE version = '7'",
                            "DELETE FROM flyway_schema_history WHERE version = '2'");
            for (String oddity : oddities) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(oddity);
                    assertThat(SchemaCheck.isCurrent(c, Dialect.SQLITE)).as(oddity).isFalse();
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
            assertThat(SchemaCheck.isCurrent(c, Dialect.SQLITE)).as("as migrated").isTrue();
        }
    }

    private DatabaseSettings sqlite() {
        return new DatabaseSettings("jdbc:sqlite:" + folder.resolve("bot.db"), null, null);
    }

    /** Version to checksum, as Flyway recorded them. */
    private static Map<String, Integer> history(Connection c) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery("SELECT version, checksum FROM flyway_schema_history")) {
            while (r.next()) {
                rows.put(r.getString(1), r.getInt(2));
            }
        }
        return rows;
    }
}
