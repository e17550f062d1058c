package dev.backcoach.storage.schedule;

import java.util.concurrent.atomic.LongAdder;

/** What became of due reminders since start, for logs and metrics: counts only, never who. */
public final class ReminderCounters {
    final LongAdder sent = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final LongAdder late = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder alreadyClaimed = new LongAdder();

    /** Delivered to the platform. */
    public long sent() {
        return sent.sum();
    }

    /**
     * Not to be sent: reminders off, paused, not a reminder day, route not self-care, user
     * unreachable.
     */
    public long skipped() {
        return skipped.sum();
    }

    /** Due more than two hours ago (the bot was down): skipped and logged. */
    public long late() {
        return late.sum();
    }

    /** The platform refused or did not answer in time. */
    public long failed() {
        return failed.sum();
    }

    /** Run again after a crash, but already claimed: not sent twice. */
    public long alreadyClaimed() {
        return alreadyClaimed.sum();
    }
}
