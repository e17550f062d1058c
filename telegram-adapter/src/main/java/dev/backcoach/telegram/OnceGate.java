package dev.backcoach.telegram;

import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Asks a claim once, when the first message of a reminder is about to go, and gives every later
 * message of it the same answer. A claim that throws (database down) is asked again on the retry.
 */
final class OnceGate implements BooleanSupplier {
    private final BooleanSupplier claim;
    private volatile @Nullable Boolean answer;

    OnceGate(BooleanSupplier claim) {
        this.claim = claim;
    }

    @Override
    public synchronized boolean getAsBoolean() {
        if (answer == null) {
            answer = claim.getAsBoolean();
        }
        return answer;
    }

    boolean passed() {
        return Boolean.TRUE.equals(answer);
    }
}
