package dev.backcoach.telegram;

import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/** Doubles from half a second to at most a minute (the library's default grows to 15 minutes). */
final class CappedBackOff implements BackOff {
    static final long FIRST_MILLIS = 500;
    static final long MAX_MILLIS = 60_000;

    private final PollHealth health;
    private long next = FIRST_MILLIS;

    CappedBackOff(PollHealth health) {
        this.health = health;
    }

    /** Called by the library after every answered poll. */
    @Override
    public synchronized void reset() {
        next = FIRST_MILLIS;
        health.answered();
    }

    /** Called by the library after a failed poll, for the wait before the next one. */
    @Override
    public synchronized long nextBackOffMillis() {
        health.failed();
        long current = next;
        next = Math.min(MAX_MILLIS, next * 2);
        return current;
    }
}
