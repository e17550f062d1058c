package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.telegram.fake.FakeBotApi;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real jar's entry point with each kind of invalid configuration: it stops before doing
 * anything, with exit code 2 and one line on stderr that names the variable and what is expected,
 * and never shows a secret.
 */
class ConfigErrorProcessTest {
    static final String TOKEN = "123456:xyzzy-token_value";
    static final String SECRET = "webhook_xyzzy_value";

    @TempDir Path dir;

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(
                        "malformed URL",
                        Map.of("TELEGRAM_API_URL", "api.telegram.org"),
                        "TELEGRAM_API_URL is invalid: expected an http:// or https:// URL"),
                Arguments.of(
                        "malformed webhook URL",
                        Map.of(
                                "TELEGRAM_MODE",
                                "webhook",
                                "TELEGRAM_WEBHOOK_SECRET",
                                SECRET,
                                "TELEGRAM_WEBHOOK_URL",
                                "http://bot.example.org/tg"),
                        "TELEGRAM_WEBHOOK_URL is invalid: expected the public https:// address Telegram should call"),
                Arguments.of(
                        "bad HTTP port",
                        Map.of("HTTP_PORT", "80800"),
                        "HTTP_PORT is invalid: expected a port from 1 to 65535, or 0 for any free port"),
                Arguments.of(
                        "bad webhook port",
                        Map.of(
                                "TELEGRAM_MODE",
                                "webhook",
                                "TELEGRAM_WEBHOOK_SECRET",
                                SECRET,
                                "TELEGRAM_WEBHOOK_PORT",
                                "https"),
                        "TELEGRAM_WEBHOOK_PORT is invalid: expected a port from 1 to 65535"),
                Arguments.of(
                        "webhook without a secret",
                        Map.of("TELEGRAM_MODE", "webhook"),
                        "TELEGRAM_WEBHOOK_SECRET is invalid: expected 1-256 characters of A-Z, a-z, 0-9, _ and - "
                                + "(required in webhook mode)"),
                Arguments.of(
                        "unknown mode",
                        Map.of("TELEGRAM_MODE", "push"),
                        "TELEGRAM_MODE is invalid: expected polling or webhook"),
                Arguments.of(
                        "unknown log format",
                        Map.of("LOG_FORMAT", "xml"),
                        "LOG_FORMAT is invalid: expected text or json"),
                Arguments.of(
                        "malformed PostgreSQL URL",
                        Map.of(
                                "DATABASE_URL",
                                "jdbc:postgresql://db:port/backcoach",
                                "DATABASE_PASSWORD",
                                "pg-xyzzy-pw"),
                        "DATABASE_URL is invalid: expected a PostgreSQL URL like jdbc:postgresql://host:5432/backcoach"),
                Arguments.of(
                        "not a JDBC URL",
                        Map.of("DATABASE_URL", "postgres://bot:pg-xyzzy-pw@db/backcoach"),
                        "DATABASE_URL is invalid: expected a JDBC URL starting with jdbc:sqlite: or jdbc:postgresql://"),
                Arguments.of(
                        "SQLite folder that cannot be created",
                        Map.of("DATABASE_URL", "jdbc:sqlite:blocker/data/bot.db"),
                        "DATABASE_URL is invalid: expected a SQLite file in a folder the bot can create and write ("),
                Arguments.of(
                        "cache size",
                        Map.of("SESSION_CACHE_SIZE", "lots"),
                        "SESSION_CACHE_SIZE is invalid: expected a whole number above 0"));
    }

    @Test
    void everyInvalidVariableIsReportedOneLineEachEvenWithoutAToken() throws Exception {
        try (ConsoleProcess bot =
                ConsoleProcess.start(
                        dir,
                        Map.of("TELEGRAM_MODE", "foo", "LOG_FORMAT", "xml", "HTTP_PORT", "0"))) {
            assertThat(bot.awaitExit(Duration.ofSeconds(30))).as("exit code").isEqualTo(2);
            assertThat(bot.stderr().lines().toList())
                    .containsExactly(
                            "LOG_FORMAT is invalid: expected text or json",
                            "TELEGRAM_MODE is invalid: expected polling or webhook");
        }
    }

    @Test
    void aSqliteFolderThatCannotBeCreatedAfterAllIsAConfigurationError() throws Exception {
        // A link to nowhere passes the check before start-up, which creates nothing; creating the
        // folder fails.
        Files.createSymbolicLink(dir.resolve("state"), dir.resolve("gone").resolve("away"));
        try (ConsoleProcess bot =
                ConsoleProcess.start(
                        dir,
                        Map.of("DATABASE_URL", "jdbc:sqlite:state/bot.db", "HTTP_PORT", "0"))) {
            assertThat(bot.awaitExit(Duration.ofSeconds(30))).as("exit code").isEqualTo(2);
            assertThat(bot.stderr().lines().toList())
                    .singleElement()
                    .asString()
                    .startsWith(
                            "DATABASE_URL is invalid: expected a SQLite file in a folder the bot can create and write (");
        }
    }

    @Test
    void aTakenHttpPortStopsWithOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0);
                ConsoleProcess bot =
                        ConsoleProcess.start(
                                dir,
                                Map.of(
                                        "HTTP_PORT",
                                        Integer.toString(taken.getLocalPort()),
                                        "DATABASE_URL",
                                        "jdbc:sqlite:state/bot.db"))) {
            assertThat(bot.awaitExit(Duration.ofSeconds(30))).as("exit code").isEqualTo(1);
            assertThat(bot.stderr().lines().toList())
                    .containsExactly(
                            "Cannot start: Address already in use (HTTP_PORT "
                                    + taken.getLocalPort()
                                    + " is taken: choose another, or 0 for any free port)");
        }
    }

    @Test
    void aTakenWebhookPortStopsWithOneClearLineThatNamesIt() throws Exception {
        try (FakeBotApi telegram = FakeBotApi.start(TelegramHarness.TOKEN);
                ServerSocket taken = new ServerSocket(0);
                ConsoleProcess bot =
                        ConsoleProcess.start(
                                dir,
                                Map.of(
                                        "TELEGRAM_BOT_TOKEN", TelegramHarness.TOKEN,
                                        "TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.port(),
                                        "TELEGRAM_MODE", "webhook",
                                        "TELEGRAM_WEBHOOK_PORT",
                                                Integer.toString(taken.getLocalPort()),
                                        "TELEGRAM_WEBHOOK_SECRET", "s3cret",
                                        "HTTP_PORT", "0",
                                        "DATABASE_URL", "jdbc:sqlite:state/bot.db"))) {
            assertThat(bot.awaitExit(Duration.ofSeconds(30))).as("exit code").isEqualTo(1);
            assertThat(bot.stderr().lines().toList())
                    .containsExactly(
                            "Cannot start: TELEGRAM_WEBHOOK_PORT "
                                    + taken.getLocalPort()
                                    + " is taken: choose another (Address already in use)");
        }
    }

    @Test
    void aSecondBotOnTheSameSqliteFileStopsWithOneClearLineAndTheFirstGoesOn() throws Exception {
        Map<String, String> env =
                Map.of("DATABASE_URL", "jdbc:sqlite:state/bot.db", "HTTP_PORT", "0");
        try (ConsoleProcess first = ConsoleProcess.start(dir, env)) {
            first.awaitLine("[1] Yes", Duration.ofSeconds(30)); // it greets: it serves
            try (ConsoleProcess second = ConsoleProcess.start(dir, env)) {
                assertThat(second.awaitExit(Duration.ofSeconds(30))).as("exit code").isEqualTo(1);
                assertThat(second.stderr().lines())
                        .anyMatch(
                                line ->
                                        line.startsWith(
                                                "Cannot start: another instance is serving the"
                                                        + " SQLite database "
                                                        + dir.resolve("state").resolve("bot.db")));
            }
            assertThat(first.alive()).as("the first bot goes on").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void stopsWithOneClearLine(String kind, Map<String, String> wrong, String expected)
            throws Exception {
        Files.writeString(dir.resolve("blocker"), "a file where a folder would have to be");
        Map<String, String> env =
                new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "HTTP_PORT", "0"));
        env.putAll(wrong);
        try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
            assertThat(bot.awaitExit(Duration.ofSeconds(30))).as("exit code").isEqualTo(2);
            String stderr = bot.stderr();
            assertThat(stderr.lines().toList()).as("one line").hasSize(1);
            assertThat(stderr).startsWith(expected);
            assertThat(stderr).doesNotContain("xyzzy", "Exception", "\tat ");
            assertThat(bot.drain(Duration.ofMillis(50))).as("nothing on stdout").isEmpty();
        }
        assertThat(dir.resolve("data")).as("no database was created").doesNotExist();
    }
}
