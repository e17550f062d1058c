package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    @Test
    void defaultsToTheSqliteFileAndAModestCache() {
        AppConfig config = AppConfig.fromEnvironment(Map.of());
        assertThat(config.database().url()).isEqualTo("jdbc:sqlite:data/backcoach.db");
        assertThat(config.sessionCache().maximumSize()).isEqualTo(100_000);
        assertThat(config.sessionCache().expireAfterAccess()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void invalidValuesNameTheVariableAndWhatIsExpected() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", "mysql://x")))
                .hasMessage(
                        "DATABASE_URL is invalid: expected a JDBC URL starting with jdbc:sqlite: or jdbc:postgresql://");
        assertThatThrownBy(
                        () ->
                                AppConfig.fromEnvironment(
                                        Map.of("DATABASE_URL", "jdbc:sqlite::memory:")))
                .hasMessageStartingWith("DATABASE_URL is invalid");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SESSION_CACHE_SIZE", "lots")))
                .hasMessage("SESSION_CACHE_SIZE is invalid: expected a whole number above 0");
        assertThatThrownBy(
                        () -> AppConfig.fromEnvironment(Map.of("SESSION_CACHE_IDLE_MINUTES", "-5")))
                .hasMessage(
                        "SESSION_CACHE_IDLE_MINUTES is invalid: expected a whole number above 0");
    }

    @Test
    void operatorSettingsHaveDefaultsAndLimits() {
        AppConfig defaults = AppConfig.fromEnvironment(Map.of());
        assertThat(defaults.httpPort()).isEmpty();
        assertThat(defaults.effectiveHttpPort())
                .as("the terminal chat serves it too (docs/runtime.md)")
                .hasValue(8080);
        assertThat(defaults.logFormat()).isEqualTo(AppConfig.LogFormat.TEXT);
        assertThat(defaults.logLevel()).isEqualTo("WARN");
        assertThat(defaults.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SHUTDOWN_TIMEOUT_SECONDS", "0")))
                .hasMessage("SHUTDOWN_TIMEOUT_SECONDS is invalid: expected a whole number above 0");
        assertThat(defaults.eventRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(Housekeeping.purgeEvery(defaults.eventRetention()))
                .isEqualTo(Duration.ofHours(1));
        AppConfig shortLived = AppConfig.fromEnvironment(Map.of("EVENT_RETENTION_MINUTES", "2"));
        assertThat(Housekeeping.purgeEvery(shortLived.eventRetention()))
                .as("the fault suite's soak keeps events two minutes: purged that often")
                .isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("EVENT_RETENTION_MINUTES", "-1")))
                .hasMessage("EVENT_RETENTION_MINUTES is invalid: expected a whole number above 0");
        AppConfig telegram = AppConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "1:abc"));
        assertThat(telegram.effectiveHttpPort()).hasValue(8080);
        AppConfig set =
                AppConfig.fromEnvironment(
                        Map.of("HTTP_PORT", "0", "LOG_FORMAT", "Json", "LOG_LEVEL", "info"));
        assertThat(set.effectiveHttpPort()).hasValue(0);
        assertThat(set.logFormat()).isEqualTo(AppConfig.LogFormat.JSON);
        assertThat(set.logLevel()).isEqualTo("INFO");

        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("HTTP_PORT", "65536")))
                .hasMessage(
                        "HTTP_PORT is invalid: expected a port from 1 to 65535, or 0 for any free port");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("HTTP_PORT", "-1")))
                .hasMessageStartingWith("HTTP_PORT is invalid");
        assertThatThrownBy(
                        () ->
                                AppConfig.fromEnvironment(
                                        Map.of(
                                                "TELEGRAM_BOT_TOKEN",
                                                "1:abc",
                                                "TELEGRAM_MODE",
                                                "webhook",
                                                "TELEGRAM_WEBHOOK_SECRET",
                                                "s",
                                                "TELEGRAM_WEBHOOK_PORT",
                                                "8080")))
                .hasMessage(
                        "HTTP_PORT is invalid: expected a port other than TELEGRAM_WEBHOOK_PORT (8080): "
                                + "the two listeners cannot share one");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("LOG_LEVEL", "loud")))
                .hasMessage(
                        "LOG_LEVEL is invalid: expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "abc")))
                .hasMessage(
                        "DISCORD_BOT_TOKEN is invalid: expected the bot token from the developer portal's Bot page");
    }

    @Test
    void everySetVariableIsCheckedUsedOrNotAndAllProblemsComeAtOnce() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("TELEGRAM_MODE", "foo")))
                .as("Telegram is off, but the typo is still refused")
                .hasMessage("TELEGRAM_MODE is invalid: expected polling or webhook");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DISCORD_SHARDS", "many")))
                .hasMessageStartingWith("DISCORD_SHARDS is invalid");
        assertThatThrownBy(
                        () ->
                                AppConfig.fromEnvironment(
                                        Map.of(
                                                "LOG_LEVEL",
                                                "loud",
                                                "TELEGRAM_MODE",
                                                "foo",
                                                "HTTP_PORT",
                                                "x",
                                                "DISCORD_API_URL",
                                                "nowhere",
                                                "SESSION_CACHE_SIZE",
                                                "0")))
                .satisfies(
                        e ->
                                assertThat(e.getMessage().lines().toList())
                                        .containsExactlyInAnyOrder(
                                                "SESSION_CACHE_SIZE is invalid: expected a whole number above 0",
                                                "HTTP_PORT is invalid: expected a port from 1 to 65535, or 0 for any free port",
                                                "LOG_LEVEL is invalid: expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF",
                                                "TELEGRAM_MODE is invalid: expected polling or webhook",
                                                "DISCORD_API_URL is invalid: expected an http:// or https:// URL"));
    }

    @Test
    void anHttpWebhookIsAllowedOnlyWithASelfHostedBotApi() {
        Map<String, String> webhook =
                Map.of(
                        "TELEGRAM_BOT_TOKEN",
                        "1:abc",
                        "TELEGRAM_MODE",
                        "webhook",
                        "TELEGRAM_WEBHOOK_SECRET",
                        "s",
                        "TELEGRAM_WEBHOOK_URL",
                        "http://bot.internal:8081/tg");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(webhook))
                .hasMessageStartingWith(
                        "TELEGRAM_WEBHOOK_URL is invalid: expected the public https:// address");
        Map<String, String> selfHosted = new java.util.HashMap<>(webhook);
        selfHosted.put("TELEGRAM_API_URL", "http://bot-api.internal:8081");
        assertThat(AppConfig.fromEnvironment(selfHosted).telegram().orElseThrow().webhookUrl())
                .hasToString("http://bot.internal:8081/tg");
        Map<String, String> oddPort = new java.util.HashMap<>(webhook);
        oddPort.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.org:9000/tg");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(oddPort))
                .hasMessageStartingWith("TELEGRAM_WEBHOOK_URL is invalid");
        oddPort.put("TELEGRAM_WEBHOOK_URL", "https://bot.example.org:8443/tg");
        assertThat(AppConfig.fromEnvironment(oddPort).telegram()).isPresent();
    }

    @Test
    void postgresUrlsAreCheckedForForm() {
        for (String good :
                List.of(
                        "jdbc:postgresql://db/backcoach",
                        "jdbc:postgresql://db:5432/backcoach?ssl=true",
                        "jdbc:postgresql://db1:5432,db2:5433/backcoach",
                        "jdbc:postgresql://[::1]:5432/backcoach")) {
            assertThat(AppConfig.fromEnvironment(Map.of("DATABASE_URL", good)).database().url())
                    .isEqualTo(good);
        }
        for (String bad :
                List.of(
                        "jdbc:postgresql://",
                        "jdbc:postgresql:///backcoach",
                        "jdbc:postgresql://db:99999/x",
                        "jdbc:postgresql://db:port/x",
                        "jdbc:postgresql://db:5432:1/x")) {
            assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", bad)))
                    .as(bad)
                    .hasMessage(
                            "DATABASE_URL is invalid: expected a PostgreSQL URL like jdbc:postgresql://host:5432/backcoach");
        }
    }

    /**
     * The declared list is what the bot really reads: the README, .env.example and compose are
     * checked against it.
     */
    @Test
    void everyVariableReadIsDeclaredAndEveryDeclaredOneIsRead() {
        Set<String> read = new TreeSet<>();
        Map<String, String> env =
                new HashMap<>(
                        Map.of(
                                "TELEGRAM_BOT_TOKEN",
                                "1:abc",
                                "TELEGRAM_MODE",
                                "webhook",
                                "TELEGRAM_WEBHOOK_SECRET",
                                "s",
                                "DISCORD_BOT_TOKEN",
                                "MTIzNDU2Nzg5MA.Gabcde.abcdefghijklmnopqrstu")) {
                    @Override
                    public String get(Object key) {
                        read.add((String) key);
                        return super.get(key);
                    }
                };
        AppConfig.fromEnvironment(env);
        java.util.List<String> all = new java.util.ArrayList<>(AppConfig.VARIABLES);
        all.addAll(AppConfig.SYSTEM_VARIABLES);
        assertThat(read).containsExactlyInAnyOrderElementsOf(all);
        assertThat(AppConfig.VARIABLES).containsAll(AppConfig.SECRETS).doesNotHaveDuplicates();
    }

    @Test
    void noSecretShowsInTheConfiguration() {
        AppConfig config =
                AppConfig.fromEnvironment(
                        Map.of(
                                "DATABASE_URL",
                                "jdbc:postgresql://db:5432/backcoach",
                                "DATABASE_PASSWORD",
                                "pw-xyzzy",
                                "TELEGRAM_BOT_TOKEN",
                                "123:token-xyzzy",
                                "TELEGRAM_MODE",
                                "webhook",
                                "TELEGRAM_WEBHOOK_SECRET",
                                "secret-xyzzy"));
        assertThat(config.toString()).doesNotContain("xyzzy").contains("***");
        assertThat(
                        config.redact(
                                "GET http://x/bot123:token-xyzzy/getMe with secret-xyzzy, pw-xyzzy"))
                .isEqualTo("GET http://x/bot***/getMe with ***, ***");
    }

    @Test
    void thePasswordNeverShows() {
        AppConfig config =
                AppConfig.fromEnvironment(
                        Map.of(
                                "DATABASE_URL",
                                "jdbc:postgresql://db:5432/backcoach?password=hunter2",
                                "DATABASE_USER",
                                "bot",
                                "DATABASE_PASSWORD",
                                "s3cret-pw"));
        assertThat(config.toString()).doesNotContain("hunter2", "s3cret-pw");
    }

    @Test
    void discordIsOnWithItsTokenAndItsErrorsNameTheVariable() {
        assertThat(AppConfig.fromEnvironment(Map.of()).discord()).isEmpty();
        String token = "MTAwMDAwMDAwMDAwMDAwMDAw.GfAkEd.fake-token_for-tests-0123456789";
        AppConfig config = AppConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", token));
        assertThat(config.discord()).isPresent();
        assertThat(config.toString()).doesNotContain(token);
        assertThatThrownBy(
                        () ->
                                AppConfig.fromEnvironment(
                                        Map.of("DISCORD_BOT_TOKEN", token, "DISCORD_SHARDS", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DISCORD_SHARDS is invalid: expected");
    }
}
