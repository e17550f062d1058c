package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The send budget on a clock the test moves: whatever {@code TELEGRAM_SEND_RATE} an operator sets,
 * no one-second window sees more than nine tenths of it (a tenth stays free for calls that the
 * network bunches on their way to Telegram), and the steady rate stays close to that.
 */
class SendBudgetTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Property(tries = 200)
    void noOneSecondWindowSeesMoreThanNineTenthsOfTheRateEvenAfterAPause(
            @ForAll @IntRange(min = 1, max = 500) int rate) {
        long[] now = {0};
        SendBudget budget = new SendBudget(rate, 1_000, () -> now[0]);
        now[0] = 60 * SECOND; // a quiet minute: every bucket is full
        Deque<Long> window = new ArrayDeque<>();
        int most = 0;
        long chat = 1;
        int sent = 0;
        int total = Math.max(60, rate * 5);
        while (sent < total) {
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
        assertThat(most)
                .as("a tenth of the limit left for network jitter")
                .isLessThanOrEqualTo(Math.max(1, rate - rate / 10));
        long elapsed = now[0] - 60 * SECOND;
        assertThat((double) total * SECOND / elapsed)
                .as("still close to the rate")
                .isGreaterThanOrEqualTo(Math.min(rate * 0.75, rate - 1.0));
    }
}
