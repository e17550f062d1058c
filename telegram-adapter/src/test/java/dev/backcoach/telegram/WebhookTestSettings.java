package dev.backcoach.telegram;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/** The settings of a bot that receives updates by webhook from a local fake Bot API. */
final class WebhookTestSettings {
    private WebhookTestSettings() {}

    static TelegramSettings of(String token, String apiUrl, int port, String secret) {
        return TelegramSettings.fromEnvironment(
                        Map.of(
                                "TELEGRAM_BOT_TOKEN", token,
                                "TELEGRAM_API_URL", apiUrl,
                                "TELEGRAM_MODE", "webhook",
                                "TELEGRAM_WEBHOOK_PORT", Integer.toString(port),
                                "TELEGRAM_WEBHOOK_SECRET", secret))
                .orElseThrow();
    }

    /** A port nothing listens on now, for the webhook. */
    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
