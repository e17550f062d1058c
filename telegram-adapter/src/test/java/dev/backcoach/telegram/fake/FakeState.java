package dev.backcoach.telegram.fake;

import dev.backcoach.telegram.fake.FakeBotApi.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The fake's one lock, the condition waiters wait on, and what every part records: the calls and
 * the violations. One lock for all parts keeps an HTTP call, its validation and its effect atomic
 * for a test that waits on any of them.
 */
final class FakeState {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Guarded by lock.
    final List<String> violations = new ArrayList<>();
    final List<Call> calls = new ArrayList<>();
    private boolean closed;

    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** Wakes every waiter; under the lock. */
    void signalAll() {
        changed.signalAll();
    }

    /** Waits up to {@code nanos} for a change; under the lock. */
    void awaitChange(long nanos) {
        try {
            changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }

    /**
     * Waits until {@code probe} finds something (checked under the lock, again after each change).
     *
     * @throws AssertionError with {@code whyNot}'s text if nothing is found within {@code timeout}
     */
    <T> T await(Duration timeout, Supplier<T> probe, Supplier<String> whyNot) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                T found = probe.get();
                if (found != null) {
                    return found;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError(whyNot.get());
                }
                awaitChange(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    void violation(String text) {
        lock.lock();
        try {
            violations.add(text);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True once {@link #close()} ran; under the lock. */
    boolean closed() {
        return closed;
    }

    void close() {
        locked(
                () -> {
                    closed = true;
                    changed.signalAll();
                });
    }
}
