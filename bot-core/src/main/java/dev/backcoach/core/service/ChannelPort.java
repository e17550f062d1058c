package dev.backcoach.core.service;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A platform adapter's outgoing side: renders and sends replies within the platform's limits. */
public interface ChannelPort {
    void deliver(UserKey user, ChatRef chat, List<Reply> replies);

    /**
     * A reminder's claim in the reminder log. It is asked once, right before the first message goes
     * to the platform; the adapter says when the platform has it ({@link #handedOver}), so that a
     * crash before that point leaves a claim the next run sends, and a crash after it does not.
     */
    @FunctionalInterface
    interface Claim {
        /** True when this send may go; false when the reminder went out (or is going) elsewhere. */
        boolean claim();

        /** The first message is in the platform's hands (its request written). Idempotent. */
        default void handedOver() {}

        /** The platform refused it for now (it will be tried again): not handed over after all. */
        default void notHandedOver() {}
    }

    /**
     * Sends replies that must go out once (reminders). {@code claim} runs right before the first
     * message is handed to the platform, after any wait for the send budget; when it answers false
     * nothing is sent. Completes with true once sent, false when the claim was refused, and
     * exceptionally when the platform refused delivery for good.
     */
    default CompletableFuture<Boolean> deliverOnce(
            UserKey user, ChatRef chat, List<Reply> replies, Claim claim) {
        if (!claim.claim()) {
            return CompletableFuture.completedFuture(false);
        }
        claim.handedOver();
        deliver(user, chat, replies);
        return CompletableFuture.completedFuture(true);
    }
}
