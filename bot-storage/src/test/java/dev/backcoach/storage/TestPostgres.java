package dev.backcoach.storage;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the tests use: BACKCOACH_TEST_PG_URL, _USER and _PASSWORD, by default the one that
 * {@code scripts/start-test-postgres.sh} sets up. Each test gets a schema of its own, so a run
 * starts empty and two runs never meet. Shared with other modules' tests through the test jar.
 */
public final class TestPostgres {
    public static final String URL =
            env("BACKCOACH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/backcoach_test");
    public static final String USER = env("BACKCOACH_TEST_PG_USER", "backcoach");
    public static final String PASSWORD = env("BACKCOACH_TEST_PG_PASSWORD", "backcoach");

    private TestPostgres() {}

    /** Why PostgreSQL cannot be used, asked once per run; empty when it can. */
    private static volatile @Nullable String unreachable;

    /** Whether the one-line note about skipping has been printed in this JVM. */
    private static volatile boolean noted;

    /**
     * Skips the calling test when PostgreSQL is not running here; under CI=true it must run, so it
     * fails.
     */
    public static void requireRunning() {
        String why = unreachable == null ? (unreachable = probe()) : unreachable;
        if (why.isEmpty()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true, so the PostgreSQL tests must run: " + why);
        }
        if (!noted) {
            noted = true; // once per JVM: the per-test reasons are in the surefire reports
            System.err.println("NOTE: skipping the PostgreSQL tests. " + why);
        }
        Assumptions.abort(why);
    }

    @SuppressWarnings("try") // the connection is opened only to prove the server answers
    private static String probe() {
        try (Connection ignored = connect()) {
            return "";
        } catch (SQLException e) {
            return "PostgreSQL is not reachable at "
                    + URL
                    + " as "
                    + USER
                    + " ("
                    + e.getMessage()
                    + "). Start it with `bash scripts/start-test-postgres.sh` (as root, on Debian) or point "
                    + "BACKCOACH_TEST_PG_URL, BACKCOACH_TEST_PG_USER and BACKCOACH_TEST_PG_PASSWORD at one.";
        }
    }

    public static String createSchema() throws SQLException {
        String schema =
                "backcoach_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public static void dropSchema(String schema) throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    public static DatabaseSettings settingsFor(String schema) {
        String separator = URL.contains("?") ? "&" : "?";
        return new DatabaseSettings(
                URL + separator + "currentSchema=" + schema.toLowerCase(Locale.ROOT),
                USER,
                PASSWORD);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(URL, properties);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
