package dev.backcoach.telegram;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Telegram's part of the configuration (see the README's table). An invalid value throws an
 * {@link IllegalArgumentException} whose message names the variable and what is expected. The
 * token and the webhook secret never appear in {@link #toString()}.
 */
public record TelegramSettings(
        String token,
        URI apiUrl,
        Mode mode,
        int webhookPort,
        String webhookPath,
        @Nullable String webhookSecret,
        @Nullable URI webhookUrl,
        int sendRate,
        int chatRate) {

    public enum Mode {
        POLLING,
        WEBHOOK
    }

    public static final String DEFAULT_API_URL = "https://api.telegram.org";

    /** Empty when TELEGRAM_BOT_TOKEN is not set: Telegram is off. */
    public static java.util.Optional<TelegramSettings> fromEnvironment(Map<String, String> env) {
        String token = blankToNull(env.get("TELEGRAM_BOT_TOKEN"));
        if (token == null) {
            return java.util.Optional.empty();
        }
        if (!token.matches("\\d+:[A-Za-z0-9_-]+")) {
            throw invalid("TELEGRAM_BOT_TOKEN", "the token from BotFather, like 123456:ABC-def");
        }
        URI api = url(env, "TELEGRAM_API_URL", DEFAULT_API_URL);
        Mode mode = switch (value(env, "TELEGRAM_MODE", "polling").toLowerCase(Locale.ROOT)) {
            case "polling" -> Mode.POLLING;
            case "webhook" -> Mode.WEBHOOK;
            default -> throw invalid("TELEGRAM_MODE", "polling or webhook");
        };
        int port = number(env, "TELEGRAM_WEBHOOK_PORT", 8443, 1, 65_535, "a port from 1 to 65535");
        String path = value(env, "TELEGRAM_WEBHOOK_PATH", "/telegram");
        if (!path.startsWith("/")) {
            throw invalid("TELEGRAM_WEBHOOK_PATH", "a path starting with /, like /telegram");
        }
        String secret = blankToNull(env.get("TELEGRAM_WEBHOOK_SECRET"));
        if (mode == Mode.WEBHOOK && (secret == null || !secret.matches("[A-Za-z0-9_-]{1,256}"))) {
            throw invalid("TELEGRAM_WEBHOOK_SECRET",
                    "1-256 characters of A-Z, a-z, 0-9, _ and - (required in webhook mode)");
        }
        URI webhookUrl = env.get("TELEGRAM_WEBHOOK_URL") == null || env.get("TELEGRAM_WEBHOOK_URL").isBlank()
                ? null : url(env, "TELEGRAM_WEBHOOK_URL", "");
        if (webhookUrl != null && !"https".equals(webhookUrl.getScheme())) {
            throw invalid("TELEGRAM_WEBHOOK_URL", "the public https:// address Telegram should call");
        }
        int rate = number(env, "TELEGRAM_SEND_RATE", 30, 1, 100_000, "messages per second, a whole number above 0");
        int chatRate = number(env, "TELEGRAM_CHAT_RATE", 1, 1, 1_000, "messages per second to one chat, above 0");
        return java.util.Optional.of(new TelegramSettings(token, api, mode, port, path, secret, webhookUrl, rate,
                chatRate));
    }

    private static URI url(Map<String, String> env, String name, String fallback) {
        String raw = value(env, name, fallback);
        try {
            URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if ((uri.getScheme() == null || !uri.getScheme().matches("https?")) || uri.getHost() == null) {
                throw invalid(name, "an http:// or https:// URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw invalid(name, "an http:// or https:// URL");
        }
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max, String what) {
        String raw = value(env, name, Integer.toString(fallback));
        try {
            int parsed = Integer.parseInt(raw);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(name, what);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String raw = blankToNull(env.get(name));
        return raw == null ? fallback : raw.strip();
    }

    private static @Nullable String blankToNull(@Nullable String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static IllegalArgumentException invalid(String variable, String expected) {
        return new IllegalArgumentException(variable + " is invalid: expected " + expected);
    }

    @Override
    public String toString() {
        return "TelegramSettings[token=***, apiUrl=" + apiUrl + ", mode=" + mode + ", webhookPort=" + webhookPort
                + ", webhookPath=" + webhookPath + ", webhookSecret=" + (webhookSecret == null ? "unset" : "***")
                + ", webhookUrl=" + webhookUrl + ", sendRate=" + sendRate + ", chatRate=" + chatRate + "]";
    }
}
