package dev.backcoach.telegram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Every call to a chat goes through that chat's lane, one at a time and in order, within a global
 * budget (TELEGRAM_SEND_RATE a second) and a per-chat one (about one a second; 20 a minute in
 * groups). 429: the lane waits {@code retry_after}, then retries the same call, so order holds. 403
 * (blocked): the user is reported unreachable and the lane's calls are dropped, each counted. 5xx
 * and network errors: a few retries with growing back-off ({@link Refusals} holds these rules).
 * Nothing fails silently. Every wait goes through the {@link Pacer}, so tests need not wait.
 */
final class Outbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** One call to Telegram. */
    @FunctionalInterface
    interface Call {
        void run(TelegramClient client) throws TelegramApiException;
    }

    private final SendBudget budget;
    private final ConcurrentMap<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final SendCounters counters;
    private final LaneDrains drains;

    /**
     * @param pacer the outbox's clock and timer; it is closed with the outbox
     */
    Outbox(
            TelegramClient client,
            int globalPerSecond,
            int chatPerSecond,
            LongConsumer onBlocked,
            SendCounters counters,
            Pacer pacer) {
        this.budget = new SendBudget(globalPerSecond, chatPerSecond, pacer::nanoTime);
        this.counters = counters;
        this.drains = new LaneDrains(client, budget, lanes, onBlocked, counters, pacer);
    }

    CompletableFuture<Void> submit(long chatId, boolean group, String what, Call call) {
        return enqueue(
                chatId, group, new Lane.Job(what, call, true, null, new CompletableFuture<>()));
    }

    /**
     * Like {@link #submit}, but the call is made only if {@code gate} still says yes once its turn
     * has come.
     */
    CompletableFuture<Void> submitGated(
            long chatId, boolean group, String what, OnceGate gate, Call call) {
        return enqueue(
                chatId, group, new Lane.Job(what, call, true, gate, new CompletableFuture<>()));
    }

    /**
     * Like {@link #submit}, but the call waits in the chat's order until {@code ready} completes:
     * calls queued after it wait too, so the chat's order holds, while the send threads serve other
     * chats.
     */
    CompletableFuture<Void> submitWhenReady(
            long chatId,
            boolean group,
            String what,
            CompletableFuture<?> ready,
            @Nullable OnceGate gate,
            Call call) {
        return enqueue(
                chatId,
                group,
                new Lane.Job(what, call, true, gate, new CompletableFuture<>(), ready));
    }

    /**
     * In the chat's order but outside the message budgets: answers to button presses are not
     * messages.
     */
    CompletableFuture<Void> submitUnmetered(long chatId, String what, Call call) {
        return enqueue(
                chatId,
                chatId < 0,
                new Lane.Job(what, call, false, null, new CompletableFuture<>()));
    }

    private CompletableFuture<Void> enqueue(long chatId, boolean group, Lane.Job job) {
        if (drains.closed()) {
            counters.failed.incrementAndGet();
            log.warn("{} not sent: the bot is shutting down", job.what());
            job.done().completeExceptionally(new IllegalStateException("not sent: shutting down"));
            return job.done();
        }
        while (true) {
            Lane lane = lanes.computeIfAbsent(chatId, id -> new Lane(id, group));
            boolean start;
            synchronized (lane) {
                if (lanes.get(chatId) != lane) {
                    continue; // this lane just closed; a chat must never have two lanes at once
                }
                lane.jobs.addLast(job);
                start = !lane.draining;
                lane.draining = true;
            }
            if (start) {
                drains.start(lane);
            }
            return job.done();
        }
    }

    /**
     * True when a call to this chat may skip the queue (as a webhook response): nothing is queued
     * for the chat and both budgets allow a call now, which this consumes and counts as sent.
     */
    boolean claimInline(long chatId, boolean group) {
        if (drains.closed() || lanes.containsKey(chatId)) {
            return false;
        }
        if (budget.take(chatId, group) > 0) {
            return false;
        }
        counters.sent.incrementAndGet();
        counters.inline.incrementAndGet();
        return true;
    }

    /**
     * True when a button press may be answered in the webhook response: always, unless closing.
     * Answers are outside the message budgets; counted as sent.
     */
    boolean claimInlineAnswer() {
        if (drains.closed()) {
            return false;
        }
        counters.sent.incrementAndGet();
        counters.inline.incrementAndGet();
        return true;
    }

    /** Waits until no call is queued, or {@code max} has passed; true when none is left. */
    boolean awaitIdle(Duration max) throws InterruptedException {
        return drains.awaitIdle(max);
    }

    /** Calls still queued, across all chats. */
    int pending() {
        return drains.pending();
    }

    /** Calls still queued are given up on (and counted, and logged); call after a bounded flush. */
    @Override
    public void close() {
        drains.close();
    }
}
