package dev.backcoach.core.engine;

import java.util.Optional;

/**
 * The data a button carries. Two kinds:
 *
 * <ul>
 *   <li>{@code /command argument}: navigation. Works at any time, like a typed command.
 *   <li>{@code <seq>.<action>}: an answer to the pending question. Valid only while the session's
 *       prompt sequence is still {@code seq}; otherwise the button is from an earlier message.
 * </ul>
 *
 * <li>{@code private:<payload>}: not a press at all but a link that opens a private chat with the
 *     bot, starting it with {@code payload}; adapters render it as a link button. Kept short:
 *     Telegram allows 64 bytes of callback data.
 */
record ButtonData(int seq, String action) {

    static String command(String name, String argument) {
        return argument.isEmpty() ? "/" + name : "/" + name + " " + argument;
    }

    static String privateChat(String payload) {
        return dev.backcoach.core.model.Button.PRIVATE_CHAT_PREFIX + payload;
    }

    static String answer(int seq, String action) {
        return seq + "." + action;
    }

    /** Parses answer data; empty for anything malformed (forged or from another bot version). */
    static Optional<ButtonData> parseAnswer(String data) {
        int dot = data.indexOf('.');
        if (dot <= 0 || dot == data.length() - 1 || data.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new ButtonData(
                            Integer.parseInt(data.substring(0, dot)), data.substring(dot + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
