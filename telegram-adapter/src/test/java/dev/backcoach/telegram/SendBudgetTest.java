package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The overall budget holds in every one-second window, also right after a long pause (found by the
 * fault suite's Telegram storm: a full bucket plus its refill made 31 sends in one second).
 */
class SendBudgetTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void noOneSecondWindowSeesMoreThanTheRateEvenAfterAPause() {
        long[] now = {0};
        SendBudget budget = new SendBudget(30, 1_000, () -> now[0]);
        now[0] = 60 * SECOND; // a quiet minute: every bucket is full
        Deque<Long> window = new ArrayDeque<>();
        int most = 0;
        long chat = 1;
        int sent = 0;
        while (sent < 300) {
            long wait = budget.take(chat++, false);
            if (wait > 0) {
                now[0] += wait;
                continue;
            }
            sent++;
            window.addLast(now[0]);
            while (window.peekFirst() <= now[0] - SECOND) {
                window.removeFirst();
            }
            most = Math.max(most, window.size());
        }
        assertThat(most).isLessThanOrEqualTo(30);
        long elapsed = now[0] - 60 * SECOND;
        assertThat(300.0 * SECOND / elapsed).as("still close to the rate").isGreaterThan(25.0);
    }
}
