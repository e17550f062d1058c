package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcoach.telegram.fake.SpecValidator.Upload;
import dev.backcoach.telegram.fake.SpecValidator.Validation;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The chats as Telegram keeps them: what the bot sent, edited and deleted, with Telegram's errors
 * for a message that is not there, not modified, or a chat that blocked the bot. Every method runs
 * under the fake's lock.
 */
final class MessageStore {

    private static final String NOT_MODIFIED =
            "Bad Request: message is not modified: specified new message content "
                    + "and reply markup are exactly the same as a current content and reply markup of the message";

    private final TelegramJson json;
    private final Map<Long, ChatState> chats = new HashMap<>();
    private final Set<Long> blocked = new HashSet<>();

    MessageStore(TelegramJson json) {
        this.json = json;
    }

    /** The chat, created on first use (a user's message creates it too). */
    ChatState chatState(long chatId) {
        return chats.computeIfAbsent(chatId, ChatState::new);
    }

    /** The bot's message, or null. */
    StoredMessage botMessage(long chatId, int messageId) {
        ChatState chat = chats.get(chatId);
        return chat == null ? null : chat.botMessages.get(messageId);
    }

    void block(long chatId) {
        blocked.add(chatId);
    }

    void unblock(long chatId) {
        blocked.remove(chatId);
    }

    ApiReply send(String method, Validation v, ChatState chat) {
        Map<String, JsonNode> p = v.params();
        String kind =
                method.equals("sendMessage")
                        ? "text"
                        : method.substring("send".length()).toLowerCase(Locale.ROOT);
        StoredMessage msg = new StoredMessage(chat.id, chat.nextMessageId++, kind, Instant.now());
        String target = v.parseTarget();
        if (target != null && p.get(target) != null) {
            msg.text = p.get(target).asText();
            msg.parseMode = ParamValues.textOrNull(p.get("parse_mode"));
            applyParsed(msg, v, target.equals("text") ? "entities" : "caption_entities");
        }
        msg.inlineMarkup = inlineMarkup(p.get("reply_markup"));
        JsonNode file = kind.equals("text") ? null : p.get(kind);
        if (file != null) {
            msg.media = json.mediaJson(kind, file);
            Upload upload = ParamValues.uploadOf(file);
            if (upload != null) {
                msg.fileName = upload.fileName();
            }
        }
        chat.botMessages.put(msg.messageId, msg);
        return ApiReply.ok(json.messageJson(msg));
    }

    private static void applyParsed(StoredMessage msg, Validation v, String entitiesField) {
        TelegramHtml.Result parsed = v.parsed();
        if (parsed != null && parsed.ok()) {
            msg.plainText = parsed.text();
            ArrayNode entities = JsonNodeFactory.instance.arrayNode();
            for (TelegramHtml.Entity e : parsed.entities()) {
                ObjectNode o = entities.addObject();
                o.put("offset", e.offset());
                o.put("length", e.length());
                o.put("type", e.type());
                if (e.url() != null) {
                    o.put("url", e.url());
                }
                if (e.language() != null) {
                    o.put("language", e.language());
                }
                if (e.customEmojiId() != null) {
                    o.put("custom_emoji_id", e.customEmojiId());
                }
                if (e.unixTime() != null) {
                    o.put("unix_time", e.unixTime());
                }
                if (e.dateTimeFormat() != null) {
                    o.put("date_time_format", e.dateTimeFormat());
                }
            }
            JsonNode given = v.params().get(entitiesField);
            msg.entities =
                    !entities.isEmpty()
                            ? entities
                            : (msg.parseMode == null
                                            && given != null
                                            && given.isArray()
                                            && !given.isEmpty()
                                    ? given
                                    : null);
        } else {
            msg.plainText = msg.text;
            msg.entities = null;
        }
    }

    ApiReply edit(String method, Validation v) {
        Map<String, JsonNode> p = v.params();
        if (p.containsKey("inline_message_id")) {
            return ApiReply.ok(BooleanNode.TRUE);
        }
        ChatOrError target = chatFor(p);
        if (target.error != null) {
            return target.error;
        }
        ChatState chat = target.chat;
        int messageId = p.get("message_id").asInt();
        StoredMessage msg = chat.botMessages.get(messageId);
        if (msg == null) {
            return ApiReply.error(
                    400,
                    chat.userMessages.contains(messageId)
                            ? "Bad Request: message can't be edited"
                            : "Bad Request: message to edit not found",
                    null);
        }
        JsonNode newMarkup = inlineMarkup(p.get("reply_markup"));
        switch (method) {
            case "editMessageText" -> {
                if (!msg.kind.equals("text")) {
                    return ApiReply.error(
                            400, "Bad Request: there is no text in the message to edit", null);
                }
                StoredMessage probe =
                        new StoredMessage(msg.chatId, msg.messageId, msg.kind, msg.date);
                probe.text = p.get("text").asText();
                probe.parseMode = ParamValues.textOrNull(p.get("parse_mode"));
                applyParsed(probe, v, "entities");
                if (Objects.equals(probe.plainText, msg.plainText)
                        && Objects.equals(probe.entities, msg.entities)
                        && Objects.equals(newMarkup, msg.inlineMarkup)) {
                    return ApiReply.error(400, NOT_MODIFIED, null);
                }
                msg.text = probe.text;
                msg.parseMode = probe.parseMode;
                msg.plainText = probe.plainText;
                msg.entities = probe.entities;
            }
            case "editMessageCaption" -> {
                if (msg.kind.equals("text")) {
                    return ApiReply.error(
                            400, "Bad Request: there is no caption in the message to edit", null);
                }
                StoredMessage probe =
                        new StoredMessage(msg.chatId, msg.messageId, msg.kind, msg.date);
                probe.text = ParamValues.textOrNull(p.get("caption"));
                probe.parseMode = ParamValues.textOrNull(p.get("parse_mode"));
                applyParsed(probe, v, "caption_entities");
                if (Objects.equals(probe.plainText, msg.plainText)
                        && Objects.equals(probe.entities, msg.entities)
                        && Objects.equals(newMarkup, msg.inlineMarkup)) {
                    return ApiReply.error(400, NOT_MODIFIED, null);
                }
                msg.text = probe.text;
                msg.parseMode = probe.parseMode;
                msg.plainText = probe.plainText;
                msg.entities = probe.entities;
            }
            default -> {
                if (Objects.equals(newMarkup, msg.inlineMarkup)) {
                    return ApiReply.error(400, NOT_MODIFIED, null);
                }
            }
        }
        msg.inlineMarkup = newMarkup;
        msg.edits++;
        msg.editDate = Instant.now();
        return ApiReply.ok(json.messageJson(msg));
    }

    ApiReply deleteMessage(Map<String, JsonNode> p) {
        ChatOrError target = chatFor(p);
        if (target.error != null) {
            return target.error;
        }
        int messageId = p.get("message_id").asInt();
        if (target.chat.botMessages.remove(messageId) == null
                && !target.chat.userMessages.remove(messageId)) {
            return ApiReply.error(400, "Bad Request: message to delete not found", null);
        }
        return ApiReply.ok(BooleanNode.TRUE);
    }

    record ChatOrError(ChatState chat, ApiReply error) {}

    /**
     * The chat of {@code chat_id}, or Telegram's error for an unknown or blocked chat; under the
     * lock.
     */
    ChatOrError chatFor(Map<String, JsonNode> p) {
        OptionalLong id = ParamValues.chatIdOf(p);
        if (id.isEmpty()) {
            return new ChatOrError(null, ApiReply.error(400, "Bad Request: chat not found", null));
        }
        long chatId = id.getAsLong();
        if (blocked.contains(chatId)) {
            return new ChatOrError(
                    null,
                    ApiReply.error(
                            403,
                            chatId > 0
                                    ? "Forbidden: bot was blocked by the user"
                                    : "Forbidden: bot was kicked from the group chat",
                            null));
        }
        return new ChatOrError(chatState(chatId), null);
    }

    static boolean isSendOrEdit(String method) {
        return method.startsWith("send")
                || method.startsWith("edit")
                || method.startsWith("copy")
                || method.startsWith("forward");
    }

    List<SentMessage> chat(long chatId) {
        ChatState chat = chats.get(chatId);
        if (chat == null) {
            return List.of();
        }
        return chat.botMessages.values().stream().map(StoredMessage::view).toList();
    }

    private static JsonNode inlineMarkup(JsonNode replyMarkup) {
        return replyMarkup != null && replyMarkup.isObject() && replyMarkup.has("inline_keyboard")
                ? replyMarkup.deepCopy()
                : null;
    }
}
