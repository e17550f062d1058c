package dev.backcoach.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock of the tests. Stopped ({@link #at}), time passes only when a test sets or advances
 * it; running ({@link #running}), it moves on like the wall clock from where it was set, so real
 * waits (flood limits, polling) stay real while a test jumps it hours ahead. {@link #withZone}
 * gives a view in another zone on the same time: setting either moves both.
 */
public final class TestClock extends Clock {
    /** The time, shared by every zone view of this clock. */
    private static final class Time {
        private final boolean running;
        private Instant base;
        private long baseNanos = System.nanoTime();

        Time(Instant start, boolean running) {
            this.base = start;
            this.running = running;
        }

        synchronized Instant now() {
            return running ? base.plusNanos(System.nanoTime() - baseNanos) : base;
        }

        synchronized void set(Instant instant) {
            base = instant;
            baseNanos = System.nanoTime();
        }
    }

    private final Time time;
    private final ZoneId zone;

    private TestClock(Time time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    /** A stopped clock at {@code start}, in UTC. */
    public static TestClock at(Instant start) {
        return new TestClock(new Time(start, false), ZoneOffset.UTC);
    }

    /** A clock that runs like the wall clock, starting at {@code start}, in UTC. */
    public static TestClock running(Instant start) {
        return new TestClock(new Time(start, true), ZoneOffset.UTC);
    }

    /** From now on the clock reads {@code instant} (and, if running, runs on from there). */
    public void set(Instant instant) {
        time.set(instant);
    }

    public void advance(Duration by) {
        synchronized (time) {
            time.set(time.now().plus(by));
        }
    }

    @Override
    public Instant instant() {
        return time.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public TestClock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new TestClock(time, zone);
    }
}
