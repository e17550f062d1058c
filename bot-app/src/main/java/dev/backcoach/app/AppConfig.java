package dev.backcoach.app;

import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.discord.DiscordSettings;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.telegram.TelegramSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration, read once from the environment. Every invalid value fails start-up
 * with a {@link ConfigException} naming the variable and what is expected. Secrets never appear
 * in {@link #toString()} (the database settings mask their own).
 */
public record AppConfig(DatabaseSettings database, CacheSettings sessionCache, Optional<TelegramSettings> telegram,
        Optional<DiscordSettings> discord) {

    public static AppConfig fromEnvironment(Map<String, String> env) {
        DatabaseSettings database = DatabaseSettings.fromEnvironment(env);
        String url = database.url();
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException("DATABASE_URL", "a JDBC URL starting with jdbc:sqlite: or jdbc:postgresql://");
        }
        if (url.equals("jdbc:sqlite:") || url.contains(":memory:")) {
            throw new ConfigException("DATABASE_URL", "a SQLite file, e.g. " + DatabaseSettings.DEFAULT_URL);
        }
        CacheSettings cache = new CacheSettings(positive(env, "SESSION_CACHE_SIZE", 100_000),
                Duration.ofMinutes(positive(env, "SESSION_CACHE_IDLE_MINUTES", 30)));
        Optional<TelegramSettings> telegram;
        Optional<DiscordSettings> discord;
        try {
            telegram = TelegramSettings.fromEnvironment(env);
            discord = DiscordSettings.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        return new AppConfig(database, cache, telegram, discord);
    }

    private static long positive(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(name, "a whole number above 0");
    }
}
