package dev.backcoach.core.service;

import dev.backcoach.core.model.Inbound;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts turns being handled, so a shutdown can wait for them after the receivers stopped. Turns
 * only touch an atomic counter; the lock is for the one waiter at shutdown.
 */
final class TurnsInFlight {
    /** A missed wake-up costs at most this: the waiter looks again. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final AtomicInteger running = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition none = lock.newCondition();
    private volatile boolean awaited;

    void begin() {
        running.incrementAndGet();
    }

    void end() {
        if (running.decrementAndGet() == 0 && awaited) {
            lock.lock();
            try {
                none.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    int running() {
        return running.get();
    }

    /** True when no turn is running any more, false when {@code max} passed first. */
    boolean awaitNone(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        awaited = true;
        lock.lock();
        try {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                none.awaitNanos(Math.min(left, RECHECK_NANOS));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    static String kind(Inbound inbound) {
        if (inbound instanceof Inbound.Command) {
            return "command";
        } else if (inbound instanceof Inbound.Text) {
            return "text";
        } else if (inbound instanceof Inbound.Choice) {
            return "choice";
        } else if (inbound instanceof Inbound.TimerFired) {
            return "timer";
        }
        return "nudge";
    }
}
