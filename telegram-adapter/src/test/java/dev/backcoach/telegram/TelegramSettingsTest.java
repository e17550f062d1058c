package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramSettingsTest {
    private static final String TOKEN = "123456:ABC-def_ghi";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void offWithoutAToken() {
        assertThat(TelegramSettings.fromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void defaultsFollowTheRuntimeContract() {
        TelegramSettings s = TelegramSettings.fromEnvironment(env()).orElseThrow();
        assertThat(s.apiUrl()).hasToString("https://api.telegram.org");
        assertThat(s.mode()).isEqualTo(TelegramSettings.Mode.POLLING);
        assertThat(s.webhookPort()).isEqualTo(8443);
        assertThat(s.webhookPath()).isEqualTo("/telegram");
        assertThat(s.sendRate()).isEqualTo(30);
    }

    @Test
    void everyInvalidValueNamesItsVariable() {
        assertThatThrownBy(
                        () ->
                                TelegramSettings.fromEnvironment(
                                        Map.of("TELEGRAM_BOT_TOKEN", "nope")))
                .hasMessageStartingWith("TELEGRAM_BOT_TOKEN is invalid");
        assertThatThrownBy(
                        () -> TelegramSettings.fromEnvironment(env("TELEGRAM_API_URL", "ftp://x")))
                .hasMessageStartingWith("TELEGRAM_API_URL is invalid");
        assertThatThrownBy(() -> TelegramSettings.fromEnvironment(env("TELEGRAM_MODE", "push")))
                .hasMessage("TELEGRAM_MODE is invalid: expected polling or webhook");
        assertThatThrownBy(() -> TelegramSettings.fromEnvironment(env("TELEGRAM_MODE", "webhook")))
                .hasMessageStartingWith("TELEGRAM_WEBHOOK_SECRET is invalid");
        assertThatThrownBy(
                        () ->
                                TelegramSettings.fromEnvironment(
                                        env("TELEGRAM_WEBHOOK_PORT", "70000")))
                .hasMessageStartingWith("TELEGRAM_WEBHOOK_PORT is invalid");
        assertThatThrownBy(
                        () ->
                                TelegramSettings.fromEnvironment(
                                        env("TELEGRAM_WEBHOOK_URL", "http://plain")))
                .hasMessageStartingWith("TELEGRAM_WEBHOOK_URL is invalid");
        assertThatThrownBy(() -> TelegramSettings.fromEnvironment(env("TELEGRAM_SEND_RATE", "0")))
                .hasMessageStartingWith("TELEGRAM_SEND_RATE is invalid");
    }

    @Test
    void secretsNeverShow() {
        TelegramSettings s =
                TelegramSettings.fromEnvironment(
                                env(
                                        "TELEGRAM_MODE",
                                        "webhook",
                                        "TELEGRAM_WEBHOOK_SECRET",
                                        "s3cr3t-value"))
                        .orElseThrow();
        assertThat(s.toString()).doesNotContain(TOKEN, "ABC-def", "s3cr3t-value");
    }
}
