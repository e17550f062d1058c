package dev.backcoach.core.model;

/**
 * Where replies go. {@code privateChat} is false in groups and servers, where the bot offers no
 * screening and keeps replies private.
 */
public record ChatRef(String chatId, boolean privateChat) {
    public static ChatRef privateWith(String chatId) {
        return new ChatRef(chatId, true);
    }
}
