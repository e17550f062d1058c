package dev.backcoach.telegram;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Telegram's part of the configuration (see the README's table). Each invalid value is one line
 * naming the variable and what is expected. The token and the webhook secret never appear in {@link
 * #toString()}.
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
        int chatRate,
        int webhookMaxInFlight) {

    public enum Mode {
        POLLING,
        WEBHOOK
    }

    public static final String DEFAULT_API_URL = "https://api.telegram.org";

    /**
     * Above Telegram's default of 40 connections to a webhook: Telegram's own traffic is not shed
     * unless it is allowed more connections than this.
     */
    static final int DEFAULT_MAX_IN_FLIGHT = 64;

    /** Ports Telegram's own Bot API calls webhooks on. */
    private static final java.util.Set<Integer> WEBHOOK_PORTS = java.util.Set.of(443, 80, 88, 8443);

    /**
     * Empty when TELEGRAM_BOT_TOKEN is not set: Telegram is off. Throws with every problem, one a
     * line.
     */
    public static java.util.Optional<TelegramSettings> fromEnvironment(Map<String, String> env) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        java.util.Optional<TelegramSettings> settings = read(env, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return settings;
    }

    /**
     * Reads Telegram's variables, adding one line to {@code problems} for each invalid one. Every
     * variable that is set is checked, even with Telegram off: a typo should not wait for the day
     * the token is added.
     */
    public static java.util.Optional<TelegramSettings> read(
            Map<String, String> env, java.util.List<String> problems) {
        int before = problems.size();
        String token = blankToNull(env.get("TELEGRAM_BOT_TOKEN"));
        if (token != null && !token.matches("\\d+:[A-Za-z0-9_-]+")) {
            problems.add(
                    invalid("TELEGRAM_BOT_TOKEN", "the token from BotFather, like 123456:ABC-def"));
        }
        URI api = url(env, "TELEGRAM_API_URL", DEFAULT_API_URL, problems);
        Mode mode =
                switch (value(env, "TELEGRAM_MODE", "polling").toLowerCase(Locale.ROOT)) {
                    case "polling" -> Mode.POLLING;
                    case "webhook" -> Mode.WEBHOOK;
                    default -> {
                        problems.add(invalid("TELEGRAM_MODE", "polling or webhook"));
                        yield Mode.POLLING;
                    }
                };
        int port =
                number(
                        env,
                        "TELEGRAM_WEBHOOK_PORT",
                        8443,
                        1,
                        65_535,
                        "a port from 1 to 65535",
                        problems);
        String path = value(env, "TELEGRAM_WEBHOOK_PATH", "/telegram");
        if (!path.startsWith("/")) {
            problems.add(
                    invalid("TELEGRAM_WEBHOOK_PATH", "a path starting with /, like /telegram"));
        }
        String secret = blankToNull(env.get("TELEGRAM_WEBHOOK_SECRET"));
        boolean secretNeeded = mode == Mode.WEBHOOK && token != null;
        if ((secret != null || secretNeeded)
                && (secret == null || !secret.matches("[A-Za-z0-9_-]{1,256}"))) {
            problems.add(
                    invalid(
                            "TELEGRAM_WEBHOOK_SECRET",
                            "1-256 characters of A-Z, a-z, 0-9, _ and - (required in webhook mode)"));
        }
        URI webhookUrl =
                blankToNull(env.get("TELEGRAM_WEBHOOK_URL")) == null
                        ? null
                        : url(env, "TELEGRAM_WEBHOOK_URL", "", problems);
        if (webhookUrl != null && api != null && !webhookUrlAllowed(webhookUrl, api)) {
            problems.add(
                    invalid(
                            "TELEGRAM_WEBHOOK_URL",
                            "the public https:// address Telegram should call, on port "
                                    + "443, 80, 88 or 8443 (http:// and other ports only with a self-hosted TELEGRAM_API_URL)"));
        }
        int rate =
                number(
                        env,
                        "TELEGRAM_SEND_RATE",
                        30,
                        1,
                        100_000,
                        "messages per second, a whole number above 0",
                        problems);
        int chatRate =
                number(
                        env,
                        "TELEGRAM_CHAT_RATE",
                        1,
                        1,
                        1_000,
                        "messages per second to one chat, above 0",
                        problems);
        int maxInFlight =
                number(
                        env,
                        "TELEGRAM_WEBHOOK_MAX_IN_FLIGHT",
                        DEFAULT_MAX_IN_FLIGHT,
                        1,
                        10_000,
                        "updates the webhook works on at once, a whole number above 0",
                        problems);
        if (token == null || api == null || problems.size() > before) {
            return java.util.Optional
                    .empty(); // an unusable API URL was reported among the problems
        }
        return java.util.Optional.of(
                new TelegramSettings(
                        token,
                        api,
                        mode,
                        port,
                        path,
                        secret,
                        webhookUrl,
                        rate,
                        chatRate,
                        maxInFlight));
    }

    /**
     * Telegram's own servers call webhooks over HTTPS on four ports only; a self-hosted Bot API
     * server (any other TELEGRAM_API_URL) also calls plain HTTP on any port.
     */
    static boolean webhookUrlAllowed(URI webhook, URI api) {
        boolean official = "api.telegram.org".equalsIgnoreCase(api.getHost());
        if (!official) {
            return true;
        }
        int port = webhook.getPort() == -1 ? 443 : webhook.getPort();
        return "https".equals(webhook.getScheme()) && WEBHOOK_PORTS.contains(port);
    }

    private static @Nullable URI url(
            Map<String, String> env,
            String name,
            String fallback,
            java.util.List<String> problems) {
        String raw = value(env, name, fallback);
        try {
            URI uri = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (uri.getScheme() != null
                    && uri.getScheme().matches("https?")
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        problems.add(invalid(name, "an http:// or https:// URL"));
        return null;
    }

    private static int number(
            Map<String, String> env,
            String name,
            int fallback,
            int min,
            int max,
            String what,
            java.util.List<String> problems) {
        String raw = value(env, name, Integer.toString(fallback));
        try {
            int parsed = Integer.parseInt(raw);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(invalid(name, what));
        return fallback;
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String raw = blankToNull(env.get(name));
        return raw == null ? fallback : raw.strip();
    }

    private static @Nullable String blankToNull(@Nullable String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static String invalid(String variable, String expected) {
        return variable + " is invalid: expected " + expected;
    }

    @Override
    public String toString() {
        return "TelegramSettings[token=***, apiUrl="
                + apiUrl
                + ", mode="
                + mode
                + ", webhookPort="
                + webhookPort
                + ", webhookPath="
                + webhookPath
                + ", webhookSecret="
                + (webhookSecret == null ? "unset" : "***")
                + ", webhookUrl="
                + webhookUrl
                + ", sendRate="
                + sendRate
                + ", chatRate="
                + chatRate
                + ", webhookMaxInFlight="
                + webhookMaxInFlight
                + "]";
    }
}
