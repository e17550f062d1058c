package dev.backcoach.app;

import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.discord.DiscordSettings;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.telegram.TelegramSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The whole configuration, read once from the environment: every variable the bot reads is read
 * here and listed in {@link #VARIABLES}, which the README table, {@code .env.example} and {@code
 * docker-compose.yml} are tested against. Invalid values fail start-up with one {@link
 * ConfigException} naming each variable and what is expected, one line each. Secrets never appear
 * in {@link #toString()}: each settings record masks its own.
 *
 * @param httpPort the port of {@code /healthz}, {@code /readyz} and {@code /metrics} when HTTP_PORT
 *     is set (0 picks a free port); unset, {@value #DEFAULT_HTTP_PORT}
 * @param shutdownTimeout how long each stage of a graceful stop may take (updates taken, turns in
 *     flight, queued replies)
 * @param eventRetention how long the replies of handled events (and reminder claims) are kept to
 *     answer a re-delivery, then purged (EVENT_RETENTION_MINUTES, 7 days by default)
 * @param language the terminal chat's language tag: BACKCOACH_LANGUAGE, else the system's LANG
 *     ("es_ES.UTF-8"); "" for neither. Telegram and Discord users bring their own.
 */
public record AppConfig(
        DatabaseSettings database,
        CacheSettings sessionCache,
        Optional<TelegramSettings> telegram,
        Optional<DiscordSettings> discord,
        OptionalInt httpPort,
        LogFormat logFormat,
        String logLevel,
        Duration shutdownTimeout,
        Duration eventRetention,
        String language) {

    public static final int DEFAULT_HTTP_PORT = 8080;

    /** Every environment variable the bot reads, in the README table's order. */
    public static final List<String> VARIABLES =
            List.of(
                    "DATABASE_URL",
                    "DATABASE_USER",
                    "DATABASE_PASSWORD",
                    "SESSION_CACHE_SIZE",
                    "SESSION_CACHE_IDLE_MINUTES",
                    "HTTP_PORT",
                    "LOG_FORMAT",
                    "LOG_LEVEL",
                    "SHUTDOWN_TIMEOUT_SECONDS",
                    "EVENT_RETENTION_MINUTES",
                    "TELEGRAM_BOT_TOKEN",
                    "TELEGRAM_API_URL",
                    "TELEGRAM_MODE",
                    "TELEGRAM_WEBHOOK_PORT",
                    "TELEGRAM_WEBHOOK_PATH",
                    "TELEGRAM_WEBHOOK_SECRET",
                    "TELEGRAM_WEBHOOK_URL",
                    "TELEGRAM_SEND_RATE",
                    "TELEGRAM_CHAT_RATE",
                    "TELEGRAM_WEBHOOK_MAX_IN_FLIGHT",
                    "DISCORD_BOT_TOKEN",
                    "DISCORD_API_URL",
                    "DISCORD_GATEWAY_URL",
                    "DISCORD_SHARDS",
                    "DISCORD_SHARD_TOTAL",
                    "BACKCOACH_LANGUAGE");

    /** Variables the system sets, read as a fallback only: the terminal chat's language. */
    public static final List<String> SYSTEM_VARIABLES = List.of("LANG");

    /** Of {@link #VARIABLES}, those whose values are secrets: never logged, never shown. */
    public static final Set<String> SECRETS =
            Set.of(
                    "DATABASE_PASSWORD",
                    "TELEGRAM_BOT_TOKEN",
                    "TELEGRAM_WEBHOOK_SECRET",
                    "DISCORD_BOT_TOKEN");

    /** How log lines are written: readable text, or one JSON object a line for log collectors. */
    public enum LogFormat {
        TEXT,
        JSON
    }

    private static final List<String> LEVELS =
            List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    /**
     * Reads and checks every variable that is set, used or not, and reports all invalid ones at
     * once (one line each), so one restart fixes them all.
     */
    public static AppConfig fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        DatabaseSettings database = DatabaseSettings.fromEnvironment(env);
        database.problem().ifPresent(expected -> problems.add(invalid("DATABASE_URL", expected)));
        CacheSettings cache =
                new CacheSettings(
                        positive(env, "SESSION_CACHE_SIZE", 100_000, problems),
                        Duration.ofMinutes(
                                positive(env, "SESSION_CACHE_IDLE_MINUTES", 30, problems)));
        OptionalInt httpPort = OptionalInt.empty();
        String port = value(env, "HTTP_PORT");
        if (port != null) {
            httpPort = port(port, problems);
        }
        LogFormat format =
                switch (Optional.ofNullable(value(env, "LOG_FORMAT"))
                        .orElse("text")
                        .toLowerCase(Locale.ROOT)) {
                    case "text" -> LogFormat.TEXT;
                    case "json" -> LogFormat.JSON;
                    default -> {
                        problems.add(invalid("LOG_FORMAT", "text or json"));
                        yield LogFormat.TEXT;
                    }
                };
        String level =
                Optional.ofNullable(value(env, "LOG_LEVEL"))
                        .orElse("WARN")
                        .toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            problems.add(invalid("LOG_LEVEL", "one of " + String.join(", ", LEVELS)));
        }
        Duration shutdown =
                Duration.ofSeconds(positive(env, "SHUTDOWN_TIMEOUT_SECONDS", 10, problems));
        Duration retention =
                Duration.ofMinutes(positive(env, "EVENT_RETENTION_MINUTES", 7 * 24 * 60, problems));
        Optional<TelegramSettings> telegram = TelegramSettings.read(env, problems);
        Optional<DiscordSettings> discord = DiscordSettings.read(env, problems);
        String language =
                Optional.ofNullable(value(env, "BACKCOACH_LANGUAGE"))
                        .or(() -> Optional.ofNullable(value(env, "LANG")))
                        .orElse("");
        AppConfig config =
                new AppConfig(
                        database, cache, telegram, discord, httpPort, format, level, shutdown,
                        retention, language);
        OptionalInt served = config.effectiveHttpPort();
        if (served.isPresent()
                && served.getAsInt() != 0
                && telegram.isPresent()
                && telegram.get().mode() == TelegramSettings.Mode.WEBHOOK
                && telegram.get().webhookPort() == served.getAsInt()) {
            problems.add(
                    invalid(
                            "HTTP_PORT",
                            "a port other than TELEGRAM_WEBHOOK_PORT ("
                                    + served.getAsInt()
                                    + "): the two listeners cannot share one"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("\n", problems));
        }
        return config;
    }

    private static String invalid(String variable, String expected) {
        return variable + " is invalid: expected " + expected;
    }

    /** Whether any chat platform is configured; without one the bot chats on the terminal. */
    public boolean anyPlatform() {
        return telegram.isPresent() || discord.isPresent();
    }

    /** The HTTP port to serve on: as set, else the default. */
    public OptionalInt effectiveHttpPort() {
        return httpPort.isPresent() ? httpPort : OptionalInt.of(DEFAULT_HTTP_PORT);
    }

    /**
     * {@code text} with every configured secret value replaced by ***, for messages that may quote
     * one.
     */
    public String redact(String text) {
        String safe = text;
        List<String> secrets = new java.util.ArrayList<>();
        telegram.ifPresent(
                t -> {
                    secrets.add(t.token());
                    if (t.webhookSecret() != null) {
                        secrets.add(t.webhookSecret());
                    }
                });
        discord.ifPresent(d -> secrets.add(d.token()));
        if (database.password() != null) {
            secrets.add(database.password());
        }
        for (String secret : secrets) {
            safe = safe.replace(secret, "***");
        }
        return safe;
    }

    private static OptionalInt port(String raw, List<String> problems) {
        try {
            int parsed = Integer.parseInt(raw);
            if (parsed >= 0 && parsed <= 65_535) {
                return OptionalInt.of(parsed);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(invalid("HTTP_PORT", "a port from 1 to 65535, or 0 for any free port"));
        return OptionalInt.empty();
    }

    private static long positive(
            Map<String, String> env, String name, long fallback, List<String> problems) {
        String value = value(env, name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(invalid(name, "a whole number above 0"));
        return fallback;
    }

    private static @org.jspecify.annotations.Nullable String value(
            Map<String, String> env, String name) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
