package dev.backcoach.discord;

import java.util.Optional;

/**
 * A button's {@code custom_id}: the id of the user the message was for, then the engine's button
 * data. The owner lets a click by anyone else be told apart without loading any state.
 */
record CustomId(String owner, String data) {
    /** Discord's limit on {@code custom_id}. */
    static final int MAX_LENGTH = 100;

    private static final char SEP = ':';

    String encode() {
        String id = owner + SEP + data;
        if (id.length() > MAX_LENGTH) {
            // Snowflakes are at most 20 digits and engine data at most 64 bytes: never longer than
            // 85.
            throw new IllegalStateException(
                    "custom_id of " + id.length() + " characters for button data " + data);
        }
        return id;
    }

    /** Empty for ids this bot did not make (an older format, or forged). */
    static Optional<CustomId> decode(String raw) {
        int sep = raw.indexOf(SEP);
        if (sep < 1 || !raw.substring(0, sep).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(new CustomId(raw.substring(0, sep), raw.substring(sep + 1)));
    }
}
