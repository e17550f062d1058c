package dev.backcoach.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time, shifted: it runs like the wall clock (flood limits stay real) but a test can jump it ahead. */
final class ShiftableClock extends Clock {
    private final Instant realStart = Instant.now();
    private volatile Instant start;

    ShiftableClock(Instant start) {
        this.start = start;
    }

    /** From now on, the clock reads {@code instant} (and runs on from there). */
    void jumpTo(Instant instant) {
        start = instant.minus(Duration.between(realStart, Instant.now()));
    }

    @Override
    public Instant instant() {
        return start.plus(Duration.between(realStart, Instant.now()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
