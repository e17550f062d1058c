package dev.backcoach.core.model;

import java.util.Optional;

/** A button: what the user sees and the opaque data that comes back as a {@link Inbound.Choice}. */
public record Button(String label, String data) {
    /** Data of a button that opens a private chat with the bot instead of pressing anything. */
    public static final String PRIVATE_CHAT_PREFIX = "private:";

    /** The start payload when this button should open a private chat with the bot. */
    public Optional<String> privateChatPayload() {
        return data.startsWith(PRIVATE_CHAT_PREFIX)
                ? Optional.of(data.substring(PRIVATE_CHAT_PREFIX.length()))
                : Optional.empty();
    }
}
