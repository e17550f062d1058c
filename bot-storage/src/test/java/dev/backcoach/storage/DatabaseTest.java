package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.StoreUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    static final String SECRET = "s3cret-Pa55word";

    /** Nothing listens on port 1: the connection is refused at once. */
    static final String CLOSED_PORT = "jdbc:postgresql://127.0.0.1:1/backcoach";

    @TempDir Path folder;

    @Test
    void aRelativeSqlitePathIsUnderTheWorkingDirectoryAndItsFolderIsCreated() throws IOException {
        Path relative = Path.of("target", "database-test-" + UUID.randomUUID(), "nested", "bot.db");
        try (Database database =
                Database.open(new DatabaseSettings("jdbc:sqlite:" + relative, null, null))) {
            Path absolute = Path.of("").toAbsolutePath().resolve(relative);
            assertThat(absolute).isRegularFile();
            assertThat(database.toString()).isEqualTo("sqlite jdbc:sqlite:" + absolute);
        } finally {
            deleteTree(relative.getParent().getParent());
        }
    }

    @Test
    void everySqliteConnectionUsesWalAndWaitsForTheWriter() throws SQLException {
        try (Database database = Database.open(sqlite("bot.db"))) {
            List<Connection> all = new ArrayList<>();
            try {
                for (int i = 0; i < Dialect.SQLITE.poolSize; i++) {
                    all.add(database.dataSource().getConnection());
                }
                for (Connection connection : all) {
                    assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
                    assertThat(pragma(connection, "busy_timeout")).isEqualTo("5000");
                    assertThat(pragma(connection, "synchronous")).as("NORMAL").isEqualTo("1");
                    assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
                }
            } finally {
                for (Connection connection : all) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void anUnsupportedUrlSaysWhatDatabaseUrlShouldBe() {
        assertThatThrownBy(
                        () ->
                                Database.open(
                                        new DatabaseSettings(
                                                "jdbc:mysql://db/bot?password=" + SECRET,
                                                null,
                                                null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageContaining("jdbc:mysql:")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> Database.open(new DatabaseSettings("backcoach.db", null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void anInMemorySqliteDatabaseIsRefusedBecauseEachPooledConnectionWouldGetItsOwn() {
        for (String url :
                List.of("jdbc:sqlite::memory:", "jdbc:sqlite:", "jdbc:sqlite:file:x?mode=memory")) {
            assertThatThrownBy(() -> Database.open(new DatabaseSettings(url, null, null)))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("DATABASE_URL")
                    .hasMessageContaining("in-memory");
        }
    }

    @Test
    void anUnwritableSqlitePathIsAnUnusableUrlAtOnce() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file.txt"), "x");

        assertThatThrownBy(
                        () ->
                                Database.open(
                                        new DatabaseSettings(
                                                "jdbc:sqlite:" + notAFolder.resolve("bot.db"),
                                                null,
                                                null)))
                .isInstanceOf(UnusableDatabaseUrl.class)
                .hasMessageStartingWith(
                        "a SQLite file in a folder the bot can create and write (cannot create");
    }

    @Test
    void aPostgresqlThatIsDownFailsFastWithoutShowingThePassword() {
        long start = System.nanoTime();
        Throwable failure =
                catchThrowable(
                        () ->
                                Database.open(
                                        new DatabaseSettings(CLOSED_PORT, "backcoach", SECRET)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure)
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("cannot reach the database")
                .hasMessageContaining("127.0.0.1:1");
        assertNoSecretIn(failure);
    }

    @Test
    void aStoreOnADatabaseThatIsDownReportsItInsteadOfThrowingOrHanging() {
        DatabaseSettings settings =
                new DatabaseSettings(CLOSED_PORT + "?password=" + SECRET, "backcoach", SECRET);
        try (Database down = new Database(settings)) {
            JdbcStateStore store = new JdbcStateStore(down);
            long start = System.nanoTime();

            assertThat(store.reachable()).isFalse();
            Throwable failure =
                    catchThrowable(() -> store.load(new UserKey(Platform.TELEGRAM, "1")));

            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(8));
            assertThat(failure).isInstanceOf(StoreUnavailableException.class);
            assertNoSecretIn(failure);
            assertThat(down.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void settingsNeverShowThePassword() {
        DatabaseSettings settings =
                new DatabaseSettings(
                        "jdbc:postgresql://db:5432/bot?password=" + SECRET, "backcoach", SECRET);

        assertThat(settings.toString())
                .doesNotContain(SECRET)
                .contains("jdbc:postgresql://db:5432/bot", "***");
        assertThat(settings.urlWithoutSecrets()).isEqualTo("jdbc:postgresql://db:5432/bot");
        assertThat(
                        new DatabaseSettings(
                                        "jdbc:postgresql://bot:" + SECRET + "@db/bot", null, null)
                                .urlWithoutSecrets())
                .isEqualTo("jdbc:postgresql://db/bot");
    }

    @Test
    void settingsComeFromTheEnvironmentWithTheSqliteFileAsDefault() {
        assertThat(DatabaseSettings.fromEnvironment(Map.of()))
                .isEqualTo(new DatabaseSettings("jdbc:sqlite:data/backcoach.db", null, null));
        assertThat(
                        DatabaseSettings.fromEnvironment(
                                Map.of(
                                        "DATABASE_URL",
                                        "jdbc:postgresql://db/bot",
                                        "DATABASE_USER",
                                        "bot",
                                        "DATABASE_PASSWORD",
                                        SECRET)))
                .isEqualTo(new DatabaseSettings("jdbc:postgresql://db/bot", "bot", SECRET));
    }

    private DatabaseSettings sqlite(String file) {
        return new DatabaseSettings("jdbc:sqlite:" + folder.resolve(file), null, null);
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    /** The message, the causes and the suppressed exceptions, all the way down. */
    private static void assertNoSecretIn(Throwable failure) {
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable t = pending.remove(0);
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
            assertThat(t.toString()).doesNotContain(SECRET);
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(List.of(t.getSuppressed()));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
