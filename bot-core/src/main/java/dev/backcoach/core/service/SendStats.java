package dev.backcoach.core.service;

/**
 * What a platform's outgoing calls came to since start, for metrics. Counts only, never ids or
 * text. Each platform adapter keeps its own and the app exposes them tagged with the platform.
 */
public interface SendStats {
    /** Calls that went out (messages, edits, files, button answers). */
    long sent();

    /** Calls tried again after a rate limit, a server error or a network error. */
    long retries();

    /** Answers telling the bot to slow down (HTTP 429). */
    long rateLimited();

    /** Calls refused because the user blocked the bot or closed their messages. */
    long blocked();

    /** Calls given up on for good. */
    long failed();
}
