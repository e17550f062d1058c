package dev.backcoach.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Telegram's sending limits as token buckets: {@code TELEGRAM_SEND_RATE} calls in any one second
 * overall (a small burst plus a steady refill that together stay a tenth below it), about one a
 * second per chat (a burst of two), and at most 20 a minute in a group. A chat's bucket is
 * forgotten after two quiet minutes.
 */
final class SendBudget {
    private static final long MIN_WAIT_NANOS = 1_000_000;

    private final int chatPerSecond;
    private final TimeMeter time;
    private final Bucket global;
    private final Cache<Long, Bucket> perChat =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).build();

    /**
     * @param nanoTime the buckets' clock: the outbox's {@link Pacer}, so tests control refills too
     */
    SendBudget(int globalPerSecond, int chatPerSecond, LongSupplier nanoTime) {
        this.chatPerSecond = chatPerSecond;
        this.time =
                new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return nanoTime.getAsLong();
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return false;
                    }
                };
        // A full bucket plus a second of refill is what any one second can see: capacity + rate
        // must not pass the limit, or a burst after a pause (a storm's 5xx minute) exceeds it.
        // Telegram counts arrivals, and a busy machine or network bunches calls sent evenly, so
        // another tenth of the limit is kept free for that jitter.
        int burst = Math.max(1, globalPerSecond / 10);
        int rate = Math.max(1, globalPerSecond - burst - globalPerSecond / 10);
        this.global =
                Bucket.builder()
                        .withCustomTimePrecision(time)
                        .addLimit(
                                limit ->
                                        limit.capacity(burst)
                                                // as "rate a second", in portions no larger than
                                                // the bucket (Bucket4j stops limiting otherwise)
                                                .refillGreedy(
                                                        burst,
                                                        Duration.ofNanos(
                                                                1_000_000_000L * burst / rate)))
                        .build();
    }

    /**
     * Zero when both budgets allow a call to the chat now (and it is taken from both), else how
     * long to wait.
     */
    long take(long chatId, boolean group) {
        Bucket chat = perChat.get(chatId, id -> chatBucket(group));
        ConsumptionProbe chatProbe = chat.tryConsumeAndReturnRemaining(1);
        if (!chatProbe.isConsumed()) {
            return waitOf(chatProbe);
        }
        ConsumptionProbe globalProbe = global.tryConsumeAndReturnRemaining(1);
        if (!globalProbe.isConsumed()) {
            chat.addTokens(1);
            return waitOf(globalProbe);
        }
        return 0;
    }

    /**
     * Bucket4j answers a refused call with a wait of 0 when a token's period is not a whole number
     * of nanoseconds (a rate of 24 a second, say); 0 means "go" here, so a refusal waits at least a
     * millisecond.
     */
    private static long waitOf(ConsumptionProbe refused) {
        return Math.max(MIN_WAIT_NANOS, refused.getNanosToWaitForRefill());
    }

    private Bucket chatBucket(boolean group) {
        var builder =
                Bucket.builder()
                        .withCustomTimePrecision(time)
                        .addLimit(
                                l ->
                                        l.capacity(Math.max(2, chatPerSecond))
                                                .refillGreedy(
                                                        chatPerSecond, Duration.ofSeconds(1)));
        if (group) {
            builder.addLimit(l -> l.capacity(20).refillGreedy(20, Duration.ofMinutes(1)));
        }
        return builder.build();
    }
}
