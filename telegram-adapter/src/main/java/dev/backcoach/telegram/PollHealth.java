package dev.backcoach.telegram;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether long polling reaches Telegram: the library resets its back-off after each answered
 * getUpdates and asks for the next delay after each failure, which is where this learns both.
 */
final class PollHealth {
    private final AtomicReference<Optional<String>> problem =
            new AtomicReference<>(Optional.of("Telegram has not answered a poll yet"));

    void answered() {
        problem.set(Optional.empty());
    }

    void failed() {
        problem.set(Optional.of("polling Telegram fails; retrying with back-off"));
    }

    Optional<String> problem() {
        return problem.get();
    }
}
