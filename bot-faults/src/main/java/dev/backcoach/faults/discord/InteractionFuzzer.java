package dev.backcoach.faults.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * INTERACTION_CREATE payloads for the fuzz, shaped by Discord's description of interactions: the
 * interaction types, option types, component types, locales and contexts are read from the OpenAPI
 * file the fake checks requests against; the fields of each type follow Discord's interaction
 * object. Each payload is then bent: optional fields left out, a wrong type, a huge string, unknown
 * fields, unknown command names and options, forged custom_ids, snowflakes at 0, negative or
 * 2^63-1, no member and no user, DMs and servers, unknown locales. Id and token stay valid in most
 * payloads, so the bot's answers reach the fake. Seeded: the same seed, the same payloads.
 */
final class InteractionFuzzer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private static final List<String> COMMANDS =
            List.of(
                    "start",
                    "check",
                    "techniques",
                    "routine",
                    "nudge",
                    "progress",
                    "privacy",
                    "export",
                    "forget",
                    "settings",
                    "language",
                    "help",
                    "unknown",
                    "",
                    "START",
                    "x".repeat(40));
    private static final List<String> OPTIONS =
            List.of("name", "time", "zone", "score", "week", "language", "bogus", "");
    static final List<String> STRINGS =
            List.of(
                    "",
                    " ",
                    "yes",
                    "20:30",
                    "25:99",
                    "Mars/Olympus",
                    "Europe/Madrid",
                    "-1",
                    "11",
                    "🙂🙃",
                    "\u0000\u202e",
                    "<b>x</b>",
                    "cat-cow",
                    "numbness in my groin");
    static final List<String> HUGE =
            List.of("a".repeat(5_000), "ж🙂".repeat(20_000), "x".repeat(60_000));
    static final List<String> BAD_SNOWFLAKES =
            List.of("0", "-1", "9223372036854775807", "-9223372036854775808", "abc", "", "1e30");

    private final Random random;
    private final long applicationId;
    private final List<Integer> interactionTypes;
    private final List<Integer> optionTypes;
    private final List<Integer> componentTypes;
    private final List<String> locales;
    private final AtomicLong counter = new AtomicLong();

    InteractionFuzzer(long seed, long applicationId) {
        this.random = new Random(seed);
        this.applicationId = applicationId;
        JsonNode schemas;
        try (InputStream in =
                InteractionFuzzer.class.getResourceAsStream("/specs/discord-openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("discord-openapi.json not on the classpath");
            }
            schemas = new ObjectMapper().readTree(in).path("components").path("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        interactionTypes = ints(schemas.path("InteractionTypes"));
        optionTypes = ints(schemas.path("ApplicationCommandOptionType"));
        componentTypes = ints(schemas.path("MessageComponentTypes"));
        locales = new ArrayList<>();
        schemas.path("AvailableLocalesEnum")
                .path("oneOf")
                .forEach(v -> locales.add(v.path("const").asText()));
        locales.addAll(List.of("xx-YY", "", "en_US", "klingon"));
    }

    private static List<Integer> ints(JsonNode enumSchema) {
        List<Integer> out = new ArrayList<>();
        enumSchema.path("oneOf").forEach(v -> out.add(v.path("const").asInt()));
        return out;
    }

    int kinds() {
        return interactionTypes.size();
    }

    /** A fresh id in Discord's shape: current, so JDA reckons the interaction's age right. */
    private long snowflake() {
        return ((System.currentTimeMillis() - DISCORD_EPOCH) << 22)
                | (counter.incrementAndGet() & 0x3FFFFF);
    }

    /** The next payload; {@code userId} is who sends it (a forged custom_id may name another). */
    ObjectNode next(long userId) {
        int type = interactionTypes.get((int) (counter.get() % interactionTypes.size()));
        long id = snowflake();
        boolean guild = random.nextBoolean();
        long guildId = 880_000_000_000_000_001L;
        long channelId = guild ? guildId + 1 : 990_000_000_000_000_000L + userId % 1000;
        ObjectNode in = NODES.objectNode();
        in.put("id", Long.toString(id));
        in.put("application_id", Long.toString(applicationId));
        in.put("type", type);
        in.put("token", "fuzz-" + id);
        in.put("version", 1);
        in.put("locale", pick(locales));
        in.put("app_permissions", "2248473465835073");
        in.set("entitlements", NODES.arrayNode());
        in.put("attachment_size_limit", 10_485_760);
        in.put("channel_id", Long.toString(channelId));
        ObjectNode channel = in.putObject("channel");
        channel.put("id", Long.toString(channelId));
        channel.put("type", guild ? 0 : 1);
        ObjectNode user = user(userId);
        in.putObject("authorizing_integration_owners")
                .put("0", guild ? Long.toString(guildId) : "0");
        if (guild) {
            in.put("guild_id", Long.toString(guildId));
            in.put("guild_locale", pick(locales));
            in.put("context", 0);
            in.putObject("guild")
                    .put("id", Long.toString(guildId))
                    .put("locale", "en-US")
                    .set("features", NODES.arrayNode());
            channel.put("guild_id", Long.toString(guildId));
            channel.put("name", "general");
            channel.put("permissions", "2248473465835073");
            channel.put("position", 0);
            channel.put("nsfw", false);
            channel.set("permission_overwrites", NODES.arrayNode());
            channel.put("flags", 0);
            ObjectNode member = in.putObject("member");
            member.set("user", user);
            member.set("roles", NODES.arrayNode());
            member.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
            member.put("permissions", "2248473465835073");
            member.put("deaf", false);
            member.put("mute", false);
            member.put("flags", 0);
            member.put("pending", false);
        } else {
            in.put("context", 1);
            channel.put("flags", 0);
            channel.set("recipients", NODES.arrayNode().add(user.deepCopy()));
            in.set("user", user);
        }
        switch (type) {
            case 2, 4 -> in.set("data", command(type == 4));
            case 3 -> {
                in.set("data", component(userId));
                in.set("message", message(channelId));
            }
            case 5 -> in.set("data", modal(userId));
            default -> {} // PING: no data
        }
        Bends.apply(in, random);
        return in;
    }

    private ObjectNode user(long id) {
        ObjectNode user = NODES.objectNode();
        user.put("id", Long.toString(id));
        user.put("username", "user" + id);
        user.put("discriminator", "0");
        user.putNull("global_name");
        user.putNull("avatar");
        user.put("public_flags", 0);
        return user;
    }

    private ObjectNode command(boolean autocomplete) {
        ObjectNode data = NODES.objectNode();
        data.put("id", Long.toString(snowflake()));
        data.put("name", pick(COMMANDS));
        data.put("type", 1);
        ArrayNode options = data.putArray("options");
        int count = random.nextInt(3);
        for (int i = 0; i < count || (autocomplete && i == 0); i++) {
            ObjectNode option = options.addObject();
            option.put("name", pick(OPTIONS));
            int optionType = pick(optionTypes);
            option.put("type", optionType);
            switch (optionType) {
                case 4 -> option.put("value", random.nextInt(30) - 10);
                case 5 -> option.put("value", random.nextBoolean());
                case 10 -> option.put("value", random.nextDouble() * 100 - 50);
                case 1, 2 -> option.putArray("options");
                default -> option.put("value", pick(STRINGS));
            }
            if (autocomplete && i == 0) {
                option.put("focused", true);
            }
        }
        return data;
    }

    private ObjectNode component(long userId) {
        ObjectNode data = NODES.objectNode();
        data.put("custom_id", customId(userId));
        int componentType = pick(componentTypes);
        data.put("component_type", componentType);
        if (componentType != 2) {
            ArrayNode values = data.putArray("values");
            values.add(pick(STRINGS));
        }
        return data;
    }

    private ObjectNode modal(long userId) {
        ObjectNode data = NODES.objectNode();
        data.put("custom_id", customId(userId));
        ObjectNode input =
                data.putArray("components")
                        .addObject()
                        .put("type", 1)
                        .putArray("components")
                        .addObject();
        input.put("type", 4);
        input.put("custom_id", pick(STRINGS));
        input.put("value", pick(STRINGS));
        return data;
    }

    /** Button data as the bot makes it (owner, colon, engine data), bent or someone else's. */
    private String customId(long userId) {
        String data =
                pick(List.of("n:next", "s:yes", "s:no", "t:cat-cow", "x:1", "", ":", "r:0:0"));
        return switch (random.nextInt(6)) {
            case 0 -> (userId + 1) + ":" + data; // another user's button
            case 1 -> data; // no owner
            case 2 -> pick(BAD_SNOWFLAKES) + ":" + data;
            case 3 -> userId + ":" + "9".repeat(95);
            default -> userId + ":" + data;
        };
    }

    private ObjectNode message(long channelId) {
        ObjectNode m = NODES.objectNode();
        m.put("id", Long.toString(snowflake()));
        m.put("channel_id", Long.toString(channelId));
        m.put("content", "");
        m.put("timestamp", "2024-01-01T00:00:00.000000+00:00");
        m.put("type", 0);
        m.put("flags", 0);
        m.set("components", NODES.arrayNode());
        m.set("author", user(1));
        m.set("mentions", NODES.arrayNode());
        m.set("attachments", NODES.arrayNode());
        m.set("embeds", NODES.arrayNode());
        return m;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
