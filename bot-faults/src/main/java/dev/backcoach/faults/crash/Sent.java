package dev.backcoach.faults.crash;

import dev.backcoach.faults.common.Shown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One update a user sent, and what came back for it: when Telegram stopped re-delivering it
 * (confirmed), every reply shown while it was the user's latest, and how many kills happened while
 * it was in flight (sent, not yet fully answered). Guarded by the {@link Person} that sent it.
 */
final class Sent {
    final long updateId;
    final String kind;
    final long sentNanos;

    /** Set by the delivery's threads, read under the person's lock. */
    volatile long confirmedNanos;

    long firstReplyNanos;
    long lastReplyNanos;
    int killsInFlight;
    private final List<String> replies = new ArrayList<>();

    Sent(long updateId, String kind, long sentNanos) {
        this.updateId = updateId;
        this.kind = kind;
        this.sentNanos = sentNanos;
    }

    void reply(Shown shown, long now) {
        if (firstReplyNanos == 0) {
            firstReplyNanos = now;
        }
        lastReplyNanos = now;
        replies.add(shown.signature());
    }

    boolean answered() {
        return firstReplyNanos != 0;
    }

    /** Replies shown more than once: the same text to the same message again. */
    int extraCopies() {
        Set<String> distinct = new HashSet<>(replies);
        return replies.size() - distinct.size();
    }

    /**
     * Finished from the user's point of view: Telegram stopped sending it and the replies have
     * stopped coming ({@code quietNanos} without one), or it went unanswered for {@code
     * giveUpNanos} after Telegram stopped sending it (then it counts as lost unless a reply still
     * comes).
     */
    boolean settled(long now, long quietNanos, long giveUpNanos) {
        if (confirmedNanos == 0) {
            return false;
        }
        return answered() ? now - lastReplyNanos > quietNanos : now - confirmedNanos > giveUpNanos;
    }
}
