package dev.backcoach.telegram;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The outbox's sense of time: what the clock says (for the send budgets) and running a task after a
 * wait (a 429's {@code retry_after}, a back-off, a budget refill). Injected so that tests can let
 * the waits pass at once and still see how long each would have been.
 */
interface Pacer extends AutoCloseable {
    /** A monotonic clock in nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} once {@code nanos} have passed; refuses once closed. */
    void after(long nanos, Runnable task) throws RejectedExecutionException;

    /** Tasks still waiting are dropped. */
    @Override
    void close();

    /** Real time, on a daemon timer thread. */
    static Pacer system() {
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(
                        DaemonThreads.named("telegram-send-timer"));
        return new Pacer() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void after(long nanos, Runnable task) {
                ScheduledFuture<?> unused =
                        timer.schedule(task, Math.max(nanos, 1), TimeUnit.NANOSECONDS);
            }

            @Override
            public void close() {
                timer.shutdownNow();
            }
        };
    }
}
