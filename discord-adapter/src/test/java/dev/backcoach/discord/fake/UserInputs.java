package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What users do, turned into INTERACTION_CREATE events on the gateway: slash commands, clicks,
 * autocomplete and raw (fuzzed) interactions. Each is logged first, so the bot's answer to it can
 * be matched and timed.
 */
final class UserInputs {
    private final Snowflakes ids;
    private final Payloads payloads;
    private final Screens screens;
    private final InteractionLog interactions;
    private final Gateway gateway;
    private final Commands commands;

    UserInputs(
            Snowflakes ids,
            Payloads payloads,
            Screens screens,
            InteractionLog interactions,
            Gateway gateway,
            Commands commands) {
        this.ids = ids;
        this.payloads = payloads;
        this.screens = screens;
        this.interactions = interactions;
        this.gateway = gateway;
        this.commands = commands;
    }

    /**
     * A slash command typed by {@code userId} in {@code guildId}'s channel, or in the bot's DM when
     * 0. Each option goes with the type the bot registered for it, as Discord sends it (an integer
     * as a number, a boolean as true or false).
     */
    long slash(long userId, long guildId, String name, Map<String, String> options) {
        ObjectNode data = Payloads.JSON.createObjectNode();
        data.put("id", Long.toString(commands.id(name)));
        data.put("name", name);
        data.put("type", 1);
        ArrayNode opts = data.putArray("options");
        options.forEach(
                (k, v) -> {
                    int type = commands.optionType(name, k);
                    ObjectNode option = opts.addObject().put("name", k).put("type", type);
                    switch (type) {
                        case 4 -> option.put("value", Long.parseLong(v));
                        case 5 -> option.put("value", Boolean.parseBoolean(v));
                        default -> option.put("value", v);
                    }
                });
        return inject(2, userId, guildId, data, null);
    }

    /** A click by {@code userId} on the button {@code customId} of message {@code messageId}. */
    long click(long userId, long guildId, long messageId, String customId) {
        Screens.Stored on = screens.get(messageId);
        if (on == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        ObjectNode data = Payloads.JSON.createObjectNode();
        data.put("custom_id", customId);
        data.put("component_type", 2);
        return inject(
                3,
                userId,
                guildId,
                data,
                payloads.message(
                        on.id(), on.channelId(), on.content(), on.flags(), on.components(), null));
    }

    /**
     * Types {@code typed} into {@code option} of {@code command}; returns the names the bot offers.
     */
    List<String> autocomplete(long userId, String command, String option, String typed) {
        ObjectNode data = Payloads.JSON.createObjectNode();
        data.put("id", Long.toString(commands.id(command)));
        data.put("name", command);
        data.put("type", 1);
        data.putArray("options")
                .addObject()
                .put("name", option)
                .put("type", 3)
                .put("value", typed)
                .put("focused", true);
        long id = inject(4, userId, 0, data, null);
        JsonNode answer = interactions.awaitAnswer(id, Duration.ofSeconds(20));
        List<String> names = new ArrayList<>();
        answer.path("data").path("choices").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    private long inject(
            int type, long userId, long guildId, ObjectNode data, @Nullable JsonNode message) {
        long id = ids.next();
        String token = "itoken-" + id;
        long channel = guildId == 0 ? screens.dmChannel(userId) : guildId + 1;
        interactions.add(
                new InteractionLog.Pending(
                        id,
                        token,
                        userId,
                        channel,
                        message == null ? 0 : message.path("id").asLong(),
                        Instant.now()));
        gateway.dispatch(
                guildId,
                "INTERACTION_CREATE",
                payloads.interaction(id, token, type, userId, guildId, channel, data, message));
        return id;
    }

    /**
     * A well-formed INTERACTION_CREATE body of {@code type} by {@code userId} in {@code guildId}'s
     * channel (the bot's DM when 0) carrying {@code data}; a component's comes on a message. For
     * tests to bend, then send with {@link FakeDiscord#injectRaw}.
     */
    ObjectNode interaction(int type, long userId, long guildId, ObjectNode data) {
        long id = ids.next();
        long channel = guildId == 0 ? screens.dmChannel(userId) : guildId + 1;
        JsonNode message =
                type == 3
                        ? payloads.message(
                                ids.next(), channel, "", 0, Payloads.JSON.createArrayNode(), null)
                        : null;
        return payloads.interaction(
                id, "itoken-" + id, type, userId, guildId, channel, data, message);
    }

    /**
     * Sends {@code interaction} through the gateway exactly as given (a fuzzed INTERACTION_CREATE,
     * whatever its fields). Answers naming its id and token are taken as for any interaction.
     *
     * @return the id it was logged under (its own id when that is a number)
     */
    long injectRaw(ObjectNode interaction) {
        long id = number(interaction.path("id").asText(""), ids.next());
        JsonNode user =
                interaction.path("member").path("user").isObject()
                        ? interaction.path("member").path("user")
                        : interaction.path("user");
        interactions.add(
                new InteractionLog.Pending(
                        id,
                        interaction.path("token").asText(""),
                        number(user.path("id").asText(""), 0),
                        number(interaction.path("channel_id").asText(""), 0),
                        number(interaction.path("message").path("id").asText(""), 0),
                        Instant.now()));
        gateway.dispatch(0, "INTERACTION_CREATE", interaction);
        return id;
    }

    private static long number(String text, long otherwise) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
