package dev.backcoach.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's time for tests: a wait passes at once, moving this clock on by its length, and is
 * recorded, so a test asserts how long the outbox would have waited without waiting for it. While
 * {@link #hold} is on, waits are kept instead, as if the clock stood still.
 */
final class VirtualPacer implements Pacer {
    private final AtomicLong now = new AtomicLong(1);
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;
    private boolean closed;

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void after(long nanos, Runnable task) {
        synchronized (this) {
            if (closed) {
                throw new RejectedExecutionException("closed");
            }
            waits.add(Duration.ofNanos(nanos));
            if (holding) {
                held.add(task);
                return;
            }
            now.addAndGet(Math.max(nanos, 1));
        }
        task.run();
    }

    /** From now on waits do not pass. */
    synchronized VirtualPacer hold() {
        holding = true;
        return this;
    }

    /** Every wait asked for so far, in order. */
    List<Duration> waits() {
        return List.copyOf(waits);
    }

    @Override
    public synchronized void close() {
        closed = true;
        held.clear();
    }
}
