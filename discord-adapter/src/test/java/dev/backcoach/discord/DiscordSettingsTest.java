package dev.backcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {
    static final String TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAw.GfAkEd.fake-token_for-tests-0123456789";

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_BOT_TOKEN", TOKEN);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void offWithoutAToken() {
        assertThat(DiscordSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "  "))).isEmpty();
    }

    @Test
    void defaultsPointAtDiscordWithEveryShardOfOne() {
        DiscordSettings settings = DiscordSettings.fromEnvironment(env()).orElseThrow();
        assertThat(settings.apiUrl()).hasToString("https://discord.com/api/v10/");
        assertThat(settings.gatewayUrl()).hasToString("wss://gateway.discord.gg/");
        assertThat(settings.firstShard()).isZero();
        assertThat(settings.lastShard()).isZero();
        assertThat(settings.shardTotal()).isEqualTo(1);
        assertThat(settings.toString()).doesNotContain(TOKEN).contains("token=***");
    }

    @Test
    void aShardRangeForOneOfSeveralInstances() {
        DiscordSettings settings =
                DiscordSettings.fromEnvironment(
                                env(
                                        "DISCORD_SHARDS",
                                        "2-3",
                                        "DISCORD_SHARD_TOTAL",
                                        "4",
                                        "DISCORD_API_URL",
                                        "http://127.0.0.1:9/api/v10"))
                        .orElseThrow();
        assertThat(settings.firstShard()).isEqualTo(2);
        assertThat(settings.lastShard()).isEqualTo(3);
        assertThat(settings.apiUrl())
                .as("JDA appends routes to the base")
                .hasToString("http://127.0.0.1:9/api/v10/");
        assertThat(
                        DiscordSettings.fromEnvironment(env("DISCORD_SHARD_TOTAL", "4"))
                                .orElseThrow()
                                .lastShard())
                .as("all shards by default")
                .isEqualTo(3);
    }

    @Test
    void invalidValuesNameTheVariableAndWhatIsExpected() {
        assertThatThrownBy(
                        () ->
                                DiscordSettings.fromEnvironment(
                                        Map.of("DISCORD_BOT_TOKEN", "not a token")))
                .hasMessageStartingWith("DISCORD_BOT_TOKEN is invalid: expected")
                .hasMessageNotContaining("not a token");
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(env("DISCORD_API_URL", "ftp://x")))
                .hasMessageStartingWith("DISCORD_API_URL is invalid: expected");
        assertThatThrownBy(
                        () ->
                                DiscordSettings.fromEnvironment(
                                        env("DISCORD_GATEWAY_URL", "https://x")))
                .hasMessageStartingWith("DISCORD_GATEWAY_URL is invalid: expected a ws://");
        assertThatThrownBy(
                        () ->
                                DiscordSettings.fromEnvironment(
                                        env("DISCORD_SHARDS", "3-1", "DISCORD_SHARD_TOTAL", "4")))
                .hasMessageStartingWith("DISCORD_SHARDS is invalid: expected");
        assertThatThrownBy(
                        () ->
                                DiscordSettings.fromEnvironment(
                                        env("DISCORD_SHARDS", "4", "DISCORD_SHARD_TOTAL", "4")))
                .hasMessageStartingWith("DISCORD_SHARDS is invalid: expected");
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(env("DISCORD_SHARD_TOTAL", "0")))
                .hasMessageStartingWith("DISCORD_SHARD_TOTAL is invalid: expected");
        assertThatThrownBy(
                        () -> DiscordSettings.fromEnvironment(env("DISCORD_SHARD_TOTAL", "many")))
                .hasMessageStartingWith("DISCORD_SHARD_TOTAL is invalid: expected");
    }
}
