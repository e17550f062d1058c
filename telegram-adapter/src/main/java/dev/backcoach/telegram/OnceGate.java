package dev.backcoach.telegram;

import dev.backcoach.core.service.ChannelPort;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reminder's claim as its messages go: asked once, when the first message is about to go, and
 * every later message of it gets the same answer (a claim that throws, the database down, is asked
 * again on the retry). The first message's request, once written, marks it handed over (see {@link
 * HandOver}); Telegram refusing it for now undoes that until the retry.
 */
final class OnceGate implements BooleanSupplier {
    private static final Logger log = LoggerFactory.getLogger(OnceGate.class);

    private final ChannelPort.Claim claim;
    private volatile @Nullable Boolean answer;
    private boolean handedOver;

    OnceGate(ChannelPort.Claim claim) {
        this.claim = claim;
    }

    @Override
    public synchronized boolean getAsBoolean() {
        if (answer == null) {
            answer = claim.claim();
        }
        return answer;
    }

    boolean passed() {
        return Boolean.TRUE.equals(answer);
    }

    /** The request is written (or answered): recorded once. */
    synchronized void handedOver() {
        if (!handedOver && passed()) {
            claim.handedOver();
            handedOver = true;
        }
    }

    /**
     * Telegram refused it for now (429, 5xx, no connection): not handed over until the retry, so
     * the reminder waits, claimed, for its retry (or the next process).
     */
    synchronized void notHandedOver() {
        if (handedOver) {
            try {
                claim.notHandedOver();
                handedOver = false;
            } catch (RuntimeException e) {
                log.warn("a refused reminder is still marked sent: {}", e.getMessage());
            }
        }
    }
}
