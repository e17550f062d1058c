package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new SQLite file is made without Flyway; that is only sound if the result is what Flyway makes,
 * and if every later Flyway (a newer jar's) takes the history as its own.
 */
class NewSqliteSchemaTest {
    private static final String OURS = "classpath:" + SchemaCheck.folder(Dialect.SQLITE);

    @TempDir Path folder;

    @Test
    void aNewFileGetsTheSchemaAndHistoryFlywayMakes() throws SQLException {
        try (Database byFlyway = new Database(sqlite("flyway.db"));
                Database byUs = new Database(sqlite("ours.db"))) {
            Flyway.configure()
                    .dataSource(byFlyway.dataSource())
                    .locations(OURS)
                    .group(true)
                    .load()
                    .migrate();
            try (Connection c = byUs.connection()) {
                assertThat(NewSqliteSchema.makeIfEmpty(c)).isTrue();
            }
            try (Connection flyway = byFlyway.connection();
                    Connection ours = byUs.connection()) {
                assertThat(rows(ours, "SELECT type, name, tbl_name, sql FROM sqlite_master"))
                        .as("tables, indexes and their SQL")
                        .isEqualTo(
                                rows(flyway, "SELECT type, name, tbl_name, sql FROM sqlite_master"))
                        .hasSizeGreaterThan(SchemaCheck.MIGRATIONS.size());
                String history =
                        "SELECT installed_rank, version, description, type, script, checksum,"
                                + " installed_by, success, typeof(installed_on),"
                                + " length(installed_on), typeof(execution_time)"
                                + " FROM flyway_schema_history ORDER BY installed_rank";
                assertThat(rows(ours, history))
                        .isEqualTo(rows(flyway, history))
                        .hasSize(SchemaCheck.MIGRATIONS.size());
            }
        }
    }

    @Test
    void flywayValidatesTheHistoryAndAppliesOnlyALaterMigration() throws SQLException {
        try (Database database = Database.open(sqlite("bot.db"))) {
            Flyway flyway =
                    Flyway.configure().dataSource(database.dataSource()).locations(OURS).load();
            flyway.validate();
            MigrationInfo[] applied = flyway.info().all();
            assertThat(applied).hasSize(SchemaCheck.MIGRATIONS.size());
            assertThat(applied)
                    .extracting(MigrationInfo::getState)
                    .containsOnly(MigrationState.SUCCESS);

            var later =
                    Flyway.configure()
                            .dataSource(database.dataSource())
                            .locations(OURS, "classpath:db/later-migration")
                            .load()
                            .migrate();
            assertThat(later.migrationsExecuted).isEqualTo(1);
            assertThat(later.targetSchemaVersion).isEqualTo("8");
            try (Connection c = database.connection()) {
                assertThat(rows(c, "SELECT count(*) FROM later_table")).containsExactly("0");
            }
        }
    }

    @Test
    void aFileThatHoldsAnythingIsLeftAsItIs() throws SQLException {
        try (Database database = new Database(sqlite("someone-elses.db"));
                Connection c = database.connection()) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("CREATE TABLE notes (line TEXT)");
            }
            assertThat(NewSqliteSchema.makeIfEmpty(c)).isFalse();
            assertThat(rows(c, "SELECT name FROM sqlite_master")).containsExactly("notes");
            assertThat(c.getAutoCommit()).as("the connection goes back as it came").isTrue();
        }
    }

    @Test
    void aFailureHalfwayLeavesTheFileEmpty() throws SQLException {
        // Room for a few pages only: the disk "fills up" while the tables are made.
        try (Database database = new Database(sqlite("small.db?max_page_count=6"));
                Connection c = database.connection()) {
            assertThatThrownBy(() -> NewSqliteSchema.makeIfEmpty(c))
                    .isInstanceOf(SQLException.class);
            assertThat(rows(c, "SELECT name FROM sqlite_master")).isEmpty();
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    void twoOpenersOfOneNewFileMakeItOnce() throws Exception {
        DatabaseSettings settings = sqlite("shared.db");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<List<String>>> openers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            openers.add(
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    go.await();
                                    try (Database d = Database.open(settings);
                                            Connection c = d.connection()) {
                                        return rows(c, "SELECT version FROM flyway_schema_history");
                                    }
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            }));
        }
        go.countDown();
        for (CompletableFuture<List<String>> opener : openers) {
            assertThat(opener.get())
                    .containsExactlyInAnyOrderElementsOf(
                            SchemaCheck.MIGRATIONS.stream().map(SchemaCheck::version).toList());
        }
    }

    private DatabaseSettings sqlite(String file) {
        return new DatabaseSettings("jdbc:sqlite:" + folder.resolve(file), null, null);
    }

    /** Each row as its columns joined by " | ", in name order when the query has no order. */
    private static List<String> rows(Connection c, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " | " : "").append(r.getString(i));
                }
                rows.add(row.toString());
            }
        }
        if (!query.contains("ORDER BY")) {
            rows.sort(null);
        }
        return rows;
    }
}
