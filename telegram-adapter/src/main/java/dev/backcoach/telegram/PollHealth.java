package dev.backcoach.telegram;

import java.util.Optional;

/**
 * Whether long polling reaches Telegram: the library resets its back-off after each answered
 * getUpdates and asks for the next delay after each failure, which is where this learns both. It
 * starts connected: polling starts only after Telegram answered getMe and setMyCommands, and a long
 * poll waits up to 50 s for its answer, so waiting for one would delay readiness for nothing.
 */
final class PollHealth {
    private volatile Optional<String> problem = Optional.empty();

    void answered() {
        problem = Optional.empty();
    }

    void failed() {
        problem = Optional.of("polling Telegram fails; retrying with back-off");
    }

    Optional<String> problem() {
        return problem;
    }
}
