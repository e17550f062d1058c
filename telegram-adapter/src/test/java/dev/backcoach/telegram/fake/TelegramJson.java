package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backcoach.telegram.fake.SpecValidator.Upload;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Telegram's objects as the fake sends them: users, chats, messages, files. */
final class TelegramJson {

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** The language_code each user's app reports ("" for none); "en" when not set. */
    private final Map<Long, String> languages = new ConcurrentHashMap<>();

    private long fileSeq; // guarded by the fake's lock

    void language(long userId, String languageCode) {
        languages.put(userId, languageCode);
    }

    ObjectNode botUser(boolean full) {
        ObjectNode u = nodes.objectNode();
        u.put("id", FakeBotApi.BOT_ID);
        u.put("is_bot", true);
        u.put("first_name", FakeBotApi.BOT_NAME);
        u.put("username", FakeBotApi.BOT_USERNAME);
        if (full) {
            u.put("can_join_groups", true);
            u.put("can_read_all_group_messages", false);
            u.put("supports_inline_queries", false);
        }
        return u;
    }

    ObjectNode userJson(long userId) {
        ObjectNode u = nodes.objectNode();
        u.put("id", userId);
        u.put("is_bot", false);
        u.put("first_name", "User " + userId);
        String language = languages.getOrDefault(userId, "en");
        if (!language.isEmpty()) {
            u.put("language_code", language);
        }
        return u;
    }

    ObjectNode chatJson(long chatId) {
        ObjectNode c = nodes.objectNode();
        c.put("id", chatId);
        if (chatId > 0) {
            c.put("type", "private");
            c.put("first_name", "User " + chatId);
        } else {
            c.put("type", chatId <= -1_000_000_000_000L ? "supergroup" : "group");
            c.put("title", "Group " + chatId);
        }
        return c;
    }

    ObjectNode messageJson(StoredMessage msg) {
        ObjectNode m = nodes.objectNode();
        m.put("message_id", msg.messageId);
        m.set("from", botUser(false));
        m.set("chat", chatJson(msg.chatId));
        m.put("date", msg.date.getEpochSecond());
        if (msg.editDate != null) {
            m.put("edit_date", msg.editDate.getEpochSecond());
        }
        boolean text = msg.kind.equals("text");
        if (msg.text != null) {
            m.put(text ? "text" : "caption", msg.plainText);
            if (msg.entities != null) {
                m.set(text ? "entities" : "caption_entities", msg.entities);
            }
        }
        if (msg.media != null) {
            m.set(msg.kind, msg.media);
        }
        if (msg.inlineMarkup != null) {
            m.set("reply_markup", msg.inlineMarkup);
        }
        return m;
    }

    /** The file object of a sent document or photo (a photo is one 90x90 size); under the lock. */
    JsonNode mediaJson(String kind, JsonNode file) {
        long seq = ++fileSeq;
        Upload upload = ParamValues.uploadOf(file);
        String fileId =
                upload != null
                        ? "FAKE-" + kind.toUpperCase(Locale.ROOT) + "-" + seq
                        : file.asText();
        ObjectNode o = nodes.objectNode();
        o.put("file_id", fileId);
        o.put("file_unique_id", "fake" + seq);
        if (kind.equals("photo")) {
            o.put("width", 90);
            o.put("height", 90);
            if (upload != null) {
                o.put("file_size", upload.bytes().length);
            }
            ArrayNode sizes = nodes.arrayNode();
            sizes.add(o);
            return sizes;
        }
        if (upload != null) {
            o.put("file_name", upload.fileName());
            if (upload.contentType() != null) {
                o.put("mime_type", upload.contentType());
            }
            o.put("file_size", upload.bytes().length);
        }
        return o;
    }
}
