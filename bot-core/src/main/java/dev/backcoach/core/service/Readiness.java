package dev.backcoach.core.service;

import java.util.Optional;

/**
 * Whether a part the bot depends on (a platform connection, the database) can do its work now.
 * Implemented by each platform runtime; the app's {@code /readyz} asks every one.
 */
@FunctionalInterface
public interface Readiness {
    /**
     * Empty when ready; otherwise why not, in words for an operator, with no secret and no user
     * data.
     */
    Optional<String> problem();
}
