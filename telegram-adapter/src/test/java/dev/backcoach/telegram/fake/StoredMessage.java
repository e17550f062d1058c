package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A message the bot sent, with edits applied; mutable, guarded by the fake's lock. */
final class StoredMessage {
    final long chatId;
    final int messageId;
    final String kind;
    final Instant date;
    String text;
    String parseMode;
    String plainText;
    JsonNode entities;
    JsonNode inlineMarkup;
    int edits;
    Instant editDate;
    String fileName;
    JsonNode media;

    StoredMessage(long chatId, int messageId, String kind, Instant date) {
        this.chatId = chatId;
        this.messageId = messageId;
        this.kind = kind;
        this.date = date;
    }

    /** What the user sees, as an immutable snapshot. */
    SentMessage view() {
        List<List<SentMessage.Button>> keyboard = new ArrayList<>();
        if (inlineMarkup != null) {
            for (JsonNode row : inlineMarkup.path("inline_keyboard")) {
                List<SentMessage.Button> buttons = new ArrayList<>();
                for (JsonNode b : row) {
                    buttons.add(
                            new SentMessage.Button(
                                    b.path("text").asText(),
                                    ParamValues.textOrNull(b.get("callback_data")),
                                    ParamValues.textOrNull(b.get("url"))));
                }
                keyboard.add(buttons);
            }
        }
        return new SentMessage(
                chatId, messageId, kind, text, parseMode, plainText, keyboard, edits, fileName,
                date);
    }
}
