package dev.backcoach.core.service;

import dev.backcoach.core.model.Inbound;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Counts turns being handled, so a shutdown can wait for them after the receivers stopped. */
final class TurnsInFlight {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition none = lock.newCondition();
    private int running;

    void begin() {
        lock.lock();
        try {
            running++;
        } finally {
            lock.unlock();
        }
    }

    void end() {
        lock.lock();
        try {
            if (--running == 0) {
                none.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    int running() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** True when no turn is running any more, false when {@code max} passed first. */
    boolean awaitNone(Duration max) throws InterruptedException {
        long left = max.toNanos();
        lock.lock();
        try {
            while (running > 0) {
                if (left <= 0) {
                    return false;
                }
                left = none.awaitNanos(left);
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
