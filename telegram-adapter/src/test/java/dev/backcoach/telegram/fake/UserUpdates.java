package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Updates from users, built as Telegram sends them (a command carries its bot_command entity, a
 * callback query the message as it is now), and the callback queries the bot must answer. Building
 * takes the lock and consumes update ids; answering runs under it.
 */
final class UserUpdates {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern COMMAND_ENTITY =
            Pattern.compile("(?:^|(?<=\\s))/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?=$|\\s)");
    private static final String QUERY_INVALID =
            "Bad Request: query is too old and response timeout expired or query ID is invalid";

    private final FakeState state;
    private final UpdateQueue queue;
    private final MessageStore store;
    private final TelegramJson json;
    // Guarded by the fake's lock: callback query id -> answered.
    private final Map<String, Boolean> callbackAnswered = new LinkedHashMap<>();
    private long callbackSeq;

    UserUpdates(FakeState state, UpdateQueue queue, MessageStore store, TelegramJson json) {
        this.state = state;
        this.queue = queue;
        this.store = store;
        this.json = json;
    }

    /** Delivered callback queries not answered yet; under the lock. */
    Set<String> unansweredCallbacks() {
        return callbackAnswered.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    ObjectNode privateText(long userId, String text) {
        if (userId <= 0) {
            throw new IllegalArgumentException("A user id is positive: " + userId);
        }
        return textMessageUpdate(userId, userId, text);
    }

    ObjectNode groupText(long chatId, long userId, String text) {
        if (chatId >= 0) {
            throw new IllegalArgumentException("A group chat id is negative: " + chatId);
        }
        if (userId <= 0) {
            throw new IllegalArgumentException("A user id is positive: " + userId);
        }
        return textMessageUpdate(chatId, userId, text);
    }

    private ObjectNode textMessageUpdate(long chatId, long userId, String text) {
        state.lock();
        try {
            ChatState chat = store.chatState(chatId);
            int messageId = chat.nextMessageId++;
            chat.userMessages.add(messageId);
            ObjectNode message = NODES.objectNode();
            message.put("message_id", messageId);
            message.set("from", json.userJson(userId));
            message.set("chat", json.chatJson(chatId));
            message.put("date", Instant.now().getEpochSecond());
            message.put("text", text);
            ArrayNode entities = NODES.arrayNode();
            Matcher m = COMMAND_ENTITY.matcher(text);
            while (m.find()) {
                ObjectNode e = entities.addObject();
                e.put("offset", m.start());
                e.put("length", m.end() - m.start());
                e.put("type", "bot_command");
            }
            if (!entities.isEmpty()) {
                message.set("entities", entities);
            }
            ObjectNode update = NODES.objectNode();
            update.put("update_id", queue.nextUpdateId());
            update.set("message", message);
            return update;
        } finally {
            state.unlock();
        }
    }

    ObjectNode callback(long userId, long chatId, int messageId, String data) {
        if (userId <= 0) {
            throw new IllegalArgumentException("A user id is positive: " + userId);
        }
        state.lock();
        try {
            StoredMessage stored = store.botMessage(chatId, messageId);
            ObjectNode message;
            if (stored != null) {
                message = json.messageJson(stored);
            } else {
                message = NODES.objectNode();
                message.put("message_id", messageId);
                message.set("from", json.botUser(false));
                message.set("chat", json.chatJson(chatId));
                message.put("date", Instant.now().getEpochSecond());
            }
            String id = String.valueOf(4_200_000_000_000_000_000L + ++callbackSeq);
            callbackAnswered.put(id, false);
            ObjectNode query = NODES.objectNode();
            query.put("id", id);
            query.set("from", json.userJson(userId));
            query.set("message", message);
            query.put("chat_instance", String.valueOf(Math.abs(chatId * 31 + 7)));
            query.put("data", data);
            ObjectNode update = NODES.objectNode();
            update.put("update_id", queue.nextUpdateId());
            update.set("callback_query", query);
            return update;
        } finally {
            state.unlock();
        }
    }

    ApiReply answerCallbackQuery(Map<String, JsonNode> p) {
        String id = ParamValues.textOrNull(p.get("callback_query_id"));
        Boolean answered = callbackAnswered.get(id);
        if (answered == null) {
            state.violation(
                    "answerCallbackQuery: callback_query_id \""
                            + id
                            + "\" was never delivered by this fake -> 400 \""
                            + QUERY_INVALID
                            + "\"");
            return ApiReply.error(400, QUERY_INVALID, null);
        }
        if (answered) {
            // Telegram refuses a second answer the same way; not a violation (a redelivered update
            // may cause it).
            return ApiReply.error(400, QUERY_INVALID, null);
        }
        callbackAnswered.put(id, true);
        return ApiReply.ok(BooleanNode.TRUE);
    }
}
