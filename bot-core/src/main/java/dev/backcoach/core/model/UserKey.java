package dev.backcoach.core.model;

import java.util.Objects;

/** A user on one platform. State belongs to the user, never to a chat. */
public record UserKey(Platform platform, String userId) {
    public UserKey {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
    }
}
