package dev.backcoach.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads a webhook's update straight from its JSON, only the fields the bot uses, instead of
 * building telegrambots' whole Update model (a tenth of the webhook's CPU under load). Polling
 * keeps the library's model; both end in the same {@link Incoming} (see UpdateJsonTest).
 */
final class UpdateJson {
    private final ObjectMapper json;

    UpdateJson(ObjectMapper json) {
        this.json = json;
    }

    /** The update's id and what it means; the id is -1 when the body has none. */
    record Read(long updateId, Optional<Incoming> incoming) {}

    /**
     * @throws IOException when the body is not a JSON object with an {@code update_id}
     */
    Read read(byte[] body, String botUsername) throws IOException {
        JsonNode update;
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            update = json.readTree(parser);
        }
        JsonNode id = update.get("update_id");
        if (id == null || !id.canConvertToLong()) {
            throw new IOException("no update_id");
        }
        long updateId = id.asLong();
        return new Read(updateId, incoming(update, updateId, botUsername));
    }

    private static Optional<Incoming> incoming(JsonNode update, long updateId, String botUsername)
            throws IOException {
        JsonNode query = update.get("callback_query");
        if (query != null) {
            JsonNode message = query.get("message");
            if (message == null || message.isNull()) {
                return Optional.empty(); // inline-mode messages: the bot offers no inline mode
            }
            JsonNode chat = need(message, "chat");
            return Optional.of(
                    Incoming.press(
                                    updateId,
                                    need(query, "id").asText(),
                                    need(need(query, "from"), "id").asLong(),
                                    need(chat, "id").asLong(),
                                    isPrivate(chat),
                                    need(message, "message_id").asInt(),
                                    text(query.get("data")))
                            .inLanguage(text(need(query, "from").get("language_code"))));
        }
        JsonNode message = update.get("message");
        if (message == null || message.get("from") == null) {
            return Optional.empty(); // edits, channel posts and the like
        }
        JsonNode chat = need(message, "chat");
        String text = text(message.get("text"));
        String language = text(need(message, "from").get("language_code"));
        return Incoming.message(
                        updateId,
                        need(need(message, "from"), "id").asLong(),
                        need(chat, "id").asLong(),
                        isPrivate(chat),
                        text,
                        text == null ? 0 : leadingCommand(message.get("entities")),
                        botUsername)
                .map(in -> in.inLanguage(language));
    }

    private static int leadingCommand(@Nullable JsonNode entities) {
        if (entities == null || !entities.isArray()) {
            return 0;
        }
        for (JsonNode entity : entities) {
            int length = entity.path("length").asInt();
            if ("bot_command".equals(entity.path("type").asText())
                    && entity.path("offset").asInt(-1) == 0
                    && length > 1) {
                return length;
            }
        }
        return 0;
    }

    private static boolean isPrivate(JsonNode chat) {
        return "private".equals(chat.path("type").asText());
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static JsonNode need(JsonNode parent, String field) throws IOException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new IOException("no " + field);
        }
        return node;
    }
}
