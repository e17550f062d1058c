package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;

/**
 * Answers to interactions: the callback (reply, deferral, edit in place, autocomplete choices),
 * edits of {@code @original} and follow-up messages, each tied to the interaction's token.
 */
final class InteractionRoutes {
    private final InteractionLog interactions;
    private final Screens screens;
    private final Payloads payloads;
    private final Consumer<String> violation;

    InteractionRoutes(
            InteractionLog interactions,
            Screens screens,
            Payloads payloads,
            Consumer<String> violation) {
        this.interactions = interactions;
        this.screens = screens;
        this.payloads = payloads;
        this.violation = violation;
    }

    MockResponse callback(long id, String token, JsonNode body, List<String> files) {
        InteractionLog.Pending pending = interactions.get(token);
        if (pending == null || pending.id() != id) {
            return refuse(404, "callback for an unknown interaction " + id + " (" + token + ")");
        }
        int type = body.path("type").asInt();
        JsonNode data = body.path("data");
        Duration took = Duration.between(pending.created(), Instant.now());
        String refusal =
                interactions.acknowledge(pending, type, data.path("flags").asInt(), took, body);
        if (refusal != null) {
            // As Discord: too late is an unknown interaction, a second answer a known error.
            violation.accept(refusal);
            return refusal.contains("10062")
                    ? Responses.error(404, 10062, "Unknown interaction")
                    : Responses.error(400, 40060, "Interaction has already been acknowledged");
        }
        if ((type == 6 || type == 7) && screens.get(pending.messageId()) == null) {
            // A component on a message this fake never showed (a fuzzed interaction): Discord
            // knows the message, so it is taken as shown to the user.
            screens.adopt(pending.messageId(), pending.userId(), pending.channelId());
        }
        ObjectNode response = Payloads.JSON.createObjectNode();
        ObjectNode interaction = response.putObject("interaction");
        interaction.put("id", Long.toString(id));
        interaction.put("type", 2);
        ObjectNode resource = response.putObject("resource");
        resource.put("type", type);
        Screens.Stored shown =
                switch (type) {
                    case 4 ->
                            screens.create(
                                    pending.userId(), pending.channelId(), data, false, files);
                    case 5 ->
                            screens.create(
                                    pending.userId(),
                                    pending.channelId(),
                                    Payloads.object(
                                            Map.of(
                                                    "content",
                                                    "",
                                                    "flags",
                                                    data.path("flags").asInt())),
                                    false,
                                    files);
                    case 6 -> screens.get(pending.messageId());
                    case 7 -> screens.edit(pending.messageId(), data, files);
                    default -> null;
                };
        if (shown != null) {
            interactions.setOriginal(token, shown.id());
            if (type == 4 || type == 7) {
                resource.set(
                        "message",
                        payloads.message(
                                shown.id(),
                                shown.channelId(),
                                shown.content(),
                                shown.flags(),
                                shown.components(),
                                null));
            }
        }
        return Responses.ok(response);
    }

    MockResponse editOriginal(String token, JsonNode body, List<String> files) {
        InteractionLog.Pending pending = interactions.get(token);
        Long original = interactions.original(token);
        if (pending == null || original == null) {
            return refuse(404, "edit of @original before interaction " + token + " was answered");
        }
        Screens.Stored edited = screens.edit(original, body, files);
        interactions.edited(token);
        return Responses.ok(
                payloads.message(
                        edited.id(),
                        edited.channelId(),
                        edited.content(),
                        edited.flags(),
                        edited.components(),
                        Instant.now()));
    }

    MockResponse followUp(String token, JsonNode body, List<String> files) {
        InteractionLog.Pending pending = interactions.get(token);
        if (pending == null || interactions.original(token) == null) {
            return refuse(404, "follow-up before interaction " + token + " was answered");
        }
        Screens.Stored created =
                screens.create(pending.userId(), pending.channelId(), body, false, files);
        interactions.followedUp(token);
        return Responses.ok(
                payloads.message(
                        created.id(),
                        created.channelId(),
                        created.content(),
                        created.flags(),
                        created.components(),
                        null));
    }

    private MockResponse refuse(int status, String what) {
        violation.accept(what);
        return Responses.error(status, 0, what);
    }
}
