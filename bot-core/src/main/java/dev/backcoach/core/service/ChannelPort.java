package dev.backcoach.core.service;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** A platform adapter's outgoing side: renders and sends replies within the platform's limits. */
public interface ChannelPort {
    void deliver(UserKey user, ChatRef chat, List<Reply> replies);

    /**
     * Sends replies that must go out at most once (reminders). {@code claim} runs right before the
     * first message is handed to the platform, after any wait for the send budget, so a crash
     * between claim and send is as unlikely as it can be; when it answers false nothing is sent.
     * Completes with true once sent, false when the claim was refused, and exceptionally when the
     * platform refused delivery for good.
     */
    default CompletableFuture<Boolean> deliverOnce(
            UserKey user, ChatRef chat, List<Reply> replies, BooleanSupplier claim) {
        if (!claim.getAsBoolean()) {
            return CompletableFuture.completedFuture(false);
        }
        deliver(user, chat, replies);
        return CompletableFuture.completedFuture(true);
    }
}
