package dev.backcoach.faults.common;

import java.util.List;

/**
 * Something the bot showed a user on the fake Bot API: a new message, an edit of an earlier one, a
 * note over the chat after a button press, or a file.
 *
 * @param method the Bot API method, lower case ({@code sendmessage}, {@code editmessagetext}, ...)
 * @param messageId the message shown or edited (0 for a press note)
 * @param text the text as sent (HTML)
 * @param buttons the inline keyboard, row by row flattened
 */
public record Shown(long chatId, long messageId, String method, String text, List<Button> buttons) {

    /** One inline button: its label and the data a press sends back. */
    public record Button(String label, String data) {}

    /** Whether this replaces the content of an earlier message rather than adding one. */
    public boolean edit() {
        return method.equals("editmessagetext");
    }

    /** What identifies a repeat of the same reply: where it went and what it said. */
    public String signature() {
        return method + ':' + messageId + ':' + text;
    }
}
