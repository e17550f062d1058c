package dev.backcoach.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One chat's calls in the {@link Outbox}, in order. At most one sender drains a lane at a time
 * ({@link #draining}); everything here is guarded by the lane's own monitor, except {@link
 * #attempts}, which only that sender touches.
 */
final class Lane {
    /**
     * @param gate asked right before the call, after the budget wait: false skips the call (see
     *     deliverOnce)
     * @param ready the call waits at the head of the lane until this completes (a chart being
     *     drawn), holding no sender thread meanwhile
     */
    record Job(
            String what,
            Outbox.Call call,
            boolean metered,
            @Nullable OnceGate gate,
            CompletableFuture<Void> done,
            CompletableFuture<?> ready) {
        static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

        Job(
                String what,
                Outbox.Call call,
                boolean metered,
                @Nullable OnceGate gate,
                CompletableFuture<Void> done) {
            this(what, call, metered, gate, done, NOW);
        }
    }

    final long chatId;
    final boolean group;
    final Deque<Job> jobs = new ArrayDeque<>();
    boolean draining;

    /** Failed attempts of the call at the head of the lane. */
    int attempts;

    Lane(long chatId, boolean group) {
        this.chatId = chatId;
        this.group = group;
    }

    /** The call at the head is done (or given up on): the next one's attempts start from zero. */
    void finishFirst(Job job, @Nullable Throwable failure) {
        synchronized (this) {
            jobs.pollFirst();
            attempts = 0;
        }
        if (failure == null) {
            job.done().complete(null);
        } else {
            job.done().completeExceptionally(failure);
        }
    }

    /** Every queued call fails with {@code cause}; returns how many there were. */
    int failAll(Throwable cause) {
        synchronized (this) {
            int dropped = jobs.size();
            for (Job job : jobs) {
                job.done().completeExceptionally(cause);
            }
            jobs.clear();
            attempts = 0;
            return dropped;
        }
    }
}
