package dev.backcoach.telegram;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The webhook response's one Bot API call as JSON. The two calls that ride there, a message as
 * {@link Render} makes it and a press's answer, are written field by field, as the mapper would
 * write them: the mapper's bean serialisation (a reflective call per getter of telegrambots'
 * objects, nulls skipped) was a tenth of the webhook's CPU. Anything else goes to the mapper.
 */
final class InlineJson {
    private final ObjectMapper json;
    private final JsonFactory factory;

    InlineJson(ObjectMapper json) {
        this.json = json;
        this.factory = json.getFactory();
    }

    byte[] write(BotApiMethod<?> call) throws IOException {
        if (call instanceof SendMessage message && plain(message)) {
            return message(message);
        }
        if (call instanceof AnswerCallbackQuery answer && plain(answer)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(96);
            try (JsonGenerator g = factory.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("callback_query_id", answer.getCallbackQueryId());
                if (answer.getText() != null) {
                    g.writeStringField("text", answer.getText());
                }
                g.writeStringField("method", answer.getMethod());
                g.writeEndObject();
            }
            return out.toByteArray();
        }
        return json.writeValueAsBytes(call);
    }

    private byte[] message(SendMessage message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 2 * message.getText().length());
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("chat_id", message.getChatId());
            g.writeStringField("text", message.getText());
            if (message.getParseMode() != null) {
                g.writeStringField("parse_mode", message.getParseMode());
            }
            if (message.getReplyMarkup() instanceof InlineKeyboardMarkup markup) {
                g.writeObjectFieldStart("reply_markup");
                g.writeArrayFieldStart("inline_keyboard");
                for (InlineKeyboardRow row : markup.getKeyboard()) {
                    g.writeStartArray();
                    for (InlineKeyboardButton button : row) {
                        g.writeStartObject();
                        g.writeStringField("text", button.getText());
                        if (button.getUrl() != null) {
                            g.writeStringField("url", button.getUrl());
                        } else {
                            g.writeStringField("callback_data", button.getCallbackData());
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeStringField("method", message.getMethod());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Only the fields {@link Render} sets: chat, text, parse mode, buttons with data or a link. */
    private static boolean plain(SendMessage m) {
        if (m.getReplyMarkup() != null
                && !(m.getReplyMarkup() instanceof InlineKeyboardMarkup markup && plain(markup))) {
            return false;
        }
        return m.getMessageThreadId() == null
                && m.getDirectMessagesTopicId() == null
                && m.getDisableWebPagePreview() == null
                && m.getDisableNotification() == null
                && m.getReplyToMessageId() == null
                && m.getEntities() == null
                && m.getAllowSendingWithoutReply() == null
                && m.getProtectContent() == null
                && m.getLinkPreviewOptions() == null
                && m.getReplyParameters() == null
                && m.getBusinessConnectionId() == null
                && m.getMessageEffectId() == null
                && m.getAllowPaidBroadcast() == null
                && m.getSuggestedPostParameters() == null
                && m.getReceiverUserId() == null
                && m.getCallbackQueryId() == null;
    }

    private static boolean plain(InlineKeyboardMarkup markup) {
        for (InlineKeyboardRow row : markup.getKeyboard()) {
            for (InlineKeyboardButton b : row) {
                boolean url = b.getUrl() != null;
                boolean data = b.getCallbackData() != null;
                if (url == data
                        || b.getWebApp() != null
                        || b.getLoginUrl() != null
                        || b.getSwitchInlineQuery() != null
                        || b.getSwitchInlineQueryCurrentChat() != null
                        || b.getSwitchInlineQueryChosenChat() != null
                        || b.getCallbackGame() != null
                        || b.getPay() != null
                        || b.getCopyText() != null
                        || b.getIconCustomEmojiId() != null
                        || b.getStyle() != null) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean plain(AnswerCallbackQuery a) {
        return a.getShowAlert() == null && a.getUrl() == null && a.getCacheTime() == null;
    }
}
