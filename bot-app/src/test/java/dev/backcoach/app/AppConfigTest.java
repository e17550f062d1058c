package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
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
                .hasMessage("DATABASE_URL is invalid: expected a JDBC URL starting with jdbc:sqlite: or jdbc:postgresql://");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:sqlite::memory:")))
                .hasMessageStartingWith("DATABASE_URL is invalid");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SESSION_CACHE_SIZE", "lots")))
                .hasMessage("SESSION_CACHE_SIZE is invalid: expected a whole number above 0");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("SESSION_CACHE_IDLE_MINUTES", "-5")))
                .hasMessage("SESSION_CACHE_IDLE_MINUTES is invalid: expected a whole number above 0");
    }

    @Test
    void thePasswordNeverShows() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("DATABASE_URL",
                "jdbc:postgresql://db:5432/backcoach?password=hunter2", "DATABASE_USER", "bot",
                "DATABASE_PASSWORD", "s3cret-pw"));
        assertThat(config.toString()).doesNotContain("hunter2", "s3cret-pw");
    }

    @Test
    void discordIsOnWithItsTokenAndItsErrorsNameTheVariable() {
        assertThat(AppConfig.fromEnvironment(Map.of()).discord()).isEmpty();
        String token = "MTAwMDAwMDAwMDAwMDAwMDAw.GfAkEd.fake-token_for-tests-0123456789";
        AppConfig config = AppConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", token));
        assertThat(config.discord()).isPresent();
        assertThat(config.toString()).doesNotContain(token);
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", token, "DISCORD_SHARDS", "x")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DISCORD_SHARDS is invalid: expected");
    }
}
