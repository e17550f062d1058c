package dev.backcoach.telegram;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened to outgoing calls, for logs now and metrics later. Counts only, never ids or text.
 */
public final class SendCounters implements dev.backcoach.core.service.SendStats {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong inline = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong blocked = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    @Override
    public long sent() {
        return sent.get();
    }

    /**
     * Of the sent calls, those returned as a webhook response instead of a request of their own.
     */
    public long inline() {
        return inline.get();
    }

    @Override
    public long retries() {
        return retries.get();
    }

    /** Answers with 429 Too Many Requests. */
    @Override
    public long rateLimited() {
        return rateLimited.get();
    }

    /** Calls refused because the user blocked the bot. */
    @Override
    public long blocked() {
        return blocked.get();
    }

    /** Calls given up on for good (each one logged with its reason). */
    @Override
    public long failed() {
        return failed.get();
    }
}
