package dev.backcoach.discord;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Discord's part of the configuration (see the README's table). Each invalid value is one line
 * naming the variable and what is expected. The token never appears in {@link #toString()}.
 *
 * @param firstShard the first shard this instance runs; DMs arrive on shard 0 only
 * @param lastShard the last shard this instance runs, inclusive
 * @param shardTotal how many shards all instances together run
 */
public record DiscordSettings(
        String token, URI apiUrl, URI gatewayUrl, int firstShard, int lastShard, int shardTotal) {

    public static final String DEFAULT_API_URL = "https://discord.com/api/v10/";
    public static final String DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg/";

    /**
     * Empty when DISCORD_BOT_TOKEN is not set: Discord is off. Throws with every problem, one a
     * line.
     */
    public static Optional<DiscordSettings> fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Optional<DiscordSettings> settings = read(env, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return settings;
    }

    /**
     * Reads Discord's variables, adding one line to {@code problems} for each invalid one, Discord
     * on or off.
     */
    public static Optional<DiscordSettings> read(Map<String, String> env, List<String> problems) {
        int before = problems.size();
        String token = blankToNull(env.get("DISCORD_BOT_TOKEN"));
        // Three base64url parts joined by dots; anything else would only fail later at login.
        if (token != null
                && !token.matches("[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{10,}")) {
            problems.add(
                    invalid(
                            "DISCORD_BOT_TOKEN",
                            "the bot token from the developer portal's Bot page"));
        }
        URI api =
                url(
                        env,
                        "DISCORD_API_URL",
                        DEFAULT_API_URL,
                        "https?",
                        "an http:// or https:// URL",
                        problems);
        URI gateway =
                url(
                        env,
                        "DISCORD_GATEWAY_URL",
                        DEFAULT_GATEWAY_URL,
                        "wss?",
                        "a ws:// or wss:// URL",
                        problems);
        String totalExpected = "the number of shards of all instances, 1 or more";
        int total = 1;
        try {
            total = Integer.parseInt(value(env, "DISCORD_SHARD_TOTAL", "1"));
        } catch (NumberFormatException e) {
            total = 0;
        }
        if (total < 1) {
            problems.add(invalid("DISCORD_SHARD_TOTAL", totalExpected));
            total = 1;
        }
        String range = value(env, "DISCORD_SHARDS", "0-" + (total - 1));
        int first = 0;
        int last = 0;
        boolean rangeOk = range.matches("\\d{1,5}(-\\d{1,5})?");
        if (rangeOk) {
            int dash = range.indexOf('-');
            first = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            last = dash < 0 ? first : Integer.parseInt(range.substring(dash + 1));
            rangeOk = first <= last && last < total;
        }
        if (!rangeOk) {
            problems.add(
                    invalid(
                            "DISCORD_SHARDS",
                            "a shard range like 0-3 (or one shard like 2) below DISCORD_SHARD_TOTAL ("
                                    + total
                                    + ")"));
        }
        if (token == null || api == null || gateway == null || problems.size() > before) {
            return Optional.empty(); // an unusable URL was reported among the problems
        }
        return Optional.of(new DiscordSettings(token, api, gateway, first, last, total));
    }

    /** The settings of a test or a single instance: every shard of one. */
    public static DiscordSettings of(String token, URI apiUrl, URI gatewayUrl) {
        return new DiscordSettings(token, apiUrl, gatewayUrl, 0, 0, 1);
    }

    private static @Nullable URI url(
            Map<String, String> env,
            String name,
            String fallback,
            String schemes,
            String what,
            List<String> problems) {
        String raw = value(env, name, fallback);
        try {
            URI uri =
                    new URI(
                            raw.endsWith("/")
                                    ? raw
                                    : raw + "/"); // JDA appends routes to the REST base
            if (uri.getScheme() != null
                    && uri.getScheme().matches(schemes)
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.add(invalid(name, what));
        return null;
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String raw = blankToNull(env.get(name));
        return raw == null ? fallback : raw;
    }

    private static @Nullable String blankToNull(@Nullable String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static String invalid(String variable, String expected) {
        return variable + " is invalid: expected " + expected;
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=***, apiUrl="
                + apiUrl
                + ", gatewayUrl="
                + gatewayUrl
                + ", shards="
                + firstShard
                + "-"
                + lastShard
                + " of "
                + shardTotal
                + "]";
    }
}
