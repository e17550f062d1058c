package dev.backcoach.telegram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * What the outbox does after a call failed, by Telegram's documented answers: the policy alone,
 * with no queue, thread or counter, so each rule reads (and is tested) on its own.
 */
final class Refusals {
    /*
     * 5xx and network errors are retried for about two minutes (0.5, 1, 2, 4, 8 s, then every 15 s):
     * Telegram answering 5xx for a minute lost every reply of that minute when four attempts (3.5 s)
     * were all a call had (found by the fault suite's Telegram storm).
     */
    static final int MAX_ATTEMPTS = 13;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

    private Refusals() {}

    /** The next step for the chat's lane. */
    sealed interface Next {
        /** 429: wait as long as Telegram asked, then the same call again. */
        record SlowDown(long nanos) implements Next {}

        /** 5xx or the network: try again after a growing back-off. */
        record Retry(long nanos, String reason) implements Next {}

        /** 403: the user blocked the bot; drop the chat's calls and report them unreachable. */
        record Blocked() implements Next {}

        /** Telegram answered 200 but the client could not read it: the call went through. */
        record WentThrough() implements Next {}

        /** Retrying cannot help (400 and the like, or too many attempts). */
        record GiveUp(String reason) implements Next {}
    }

    /**
     * @param attempts failed attempts of this call so far, this one included
     */
    static Next after(TelegramApiRequestException e, int attempts) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        if (code == 429) {
            Integer retryAfter =
                    e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            return new Next.SlowDown(
                    TimeUnit.SECONDS.toNanos(retryAfter == null ? 1 : Math.max(1, retryAfter)));
        }
        if (code == 403) {
            return new Next.Blocked();
        }
        if (code == 0) {
            return new Next.WentThrough(); // retrying would send the message again
        }
        if (code >= 500) {
            return retry("HTTP " + code, attempts);
        }
        return new Next.GiveUp("refused: " + code + " " + e.getApiResponse());
    }

    /** A network error or a failure inside the client. */
    static Next afterNetworkError(Exception e, int attempts) {
        return retry("network: " + e.getClass().getSimpleName(), attempts);
    }

    private static Next retry(String reason, int attempts) {
        if (attempts >= MAX_ATTEMPTS) {
            return new Next.GiveUp("gave up after " + attempts + " attempts (" + reason + ")");
        }
        long backoff = FIRST_BACKOFF.toNanos() << Math.min(attempts - 1, 20);
        return new Next.Retry(Math.min(backoff, MAX_BACKOFF.toNanos()), reason);
    }
}
