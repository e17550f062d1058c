package dev.backcoach.telegram.fake;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A message the bot sent, as the user sees it now: edits applied, keyboard as it currently is.
 *
 * @param chatId the chat
 * @param messageId Telegram's message id (per chat, shared with the user's own messages)
 * @param kind {@code "text"}, {@code "document"}, {@code "photo"}, or the media kind of another
 *     send method
 * @param text the text (or caption) exactly as the bot sent it, markup included; {@code null} for
 *     media without caption
 * @param parseMode the parse_mode it was sent with, or {@code null}
 * @param plainText what the user reads: {@code text} with HTML tags removed and entities decoded
 * @param keyboard the inline keyboard, row by row; empty when there is none
 * @param edits how many times the bot edited the message
 * @param fileName the uploaded document's file name, for documents; else {@code null}
 * @param sentAt when it was sent
 */
public record SentMessage(
        long chatId,
        int messageId,
        String kind,
        String text,
        String parseMode,
        String plainText,
        List<List<Button>> keyboard,
        int edits,
        String fileName,
        Instant sentAt) {

    /**
     * An inline keyboard button.
     *
     * @param text its label
     * @param callbackData the callback_data, or {@code null}
     * @param url the url, or {@code null}
     */
    public record Button(String text, String callbackData, String url) {}

    public SentMessage {
        keyboard = keyboard.stream().map(List::copyOf).toList();
    }

    /** All buttons, row after row. */
    public List<Button> buttons() {
        return keyboard.stream().flatMap(List::stream).toList();
    }

    /** The labels of all buttons, row after row. */
    public List<String> buttonLabels() {
        return buttons().stream().map(Button::text).toList();
    }

    /**
     * The first button whose label starts with {@code labelPrefix} ("Yes" finds "Yes, often"), so a
     * test can press it with {@link FakeBotApi#callback}.
     *
     * @throws AssertionError listing the buttons when there is none
     */
    public Button button(String labelPrefix) {
        return buttons().stream()
                .filter(b -> b.text().startsWith(labelPrefix))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "No button starting with \""
                                                + labelPrefix
                                                + "\" in message "
                                                + messageId
                                                + " of chat "
                                                + chatId
                                                + "; buttons: "
                                                + buttonLabels()
                                                + "; text: "
                                                + plainText));
    }

    /** Whether the message has an inline keyboard. */
    public boolean hasKeyboard() {
        return !keyboard.isEmpty();
    }

    @Override
    public String toString() {
        String buttons =
                keyboard.stream()
                        .map(
                                row ->
                                        row.stream()
                                                .map(b -> "[" + b.text() + "]")
                                                .collect(Collectors.joining(" ")))
                        .collect(Collectors.joining(" / "));
        return "#"
                + messageId
                + " "
                + kind
                + (edits > 0 ? " (edited " + edits + "x)" : "")
                + ": "
                + (plainText == null ? "" : plainText.replace("\n", "\\n"))
                + (fileName == null ? "" : " <" + fileName + ">")
                + (buttons.isEmpty() ? "" : "  " + buttons);
    }
}
