package dev.backcoach.telegram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
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

    private final TelegramClient client;
    private final SendBudget budget;
    private final ConcurrentMap<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final LongConsumer onBlocked;
    private final SendCounters counters;
    private final ExecutorService senders;
    private final Pacer pacer;
    private volatile boolean closed;
    private final Object idle = new Object();

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
        this.client = client;
        this.budget = new SendBudget(globalPerSecond, chatPerSecond, pacer::nanoTime);
        this.onBlocked = onBlocked;
        this.counters = counters;
        this.senders = Executors.newFixedThreadPool(8, DaemonThreads.named("telegram-send"));
        this.pacer = pacer;
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
        if (closed) {
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
                senders.execute(() -> drain(lane));
            }
            return job.done();
        }
    }

    private void drain(Lane lane) {
        while (true) {
            if (closed) {
                abandon(lane);
                return;
            }
            Lane.Job job;
            synchronized (lane) {
                job = lane.jobs.peekFirst();
                if (job == null) {
                    lane.draining = false;
                    lanes.remove(lane.chatId, lane);
                    signalIdle();
                    return;
                }
            }
            if (!job.ready().isDone()) {
                // Park the lane (it stays claimed) and come back when the job can go.
                CompletableFuture<?> unused =
                        job.ready().whenComplete((result, failure) -> resume(lane));
                return;
            }
            long waitNanos = job.metered() ? budget.take(lane.chatId, lane.group) : 0;
            if (waitNanos > 0) {
                later(lane, waitNanos);
                return;
            }
            try {
                OnceGate gate = job.gate();
                if (gate == null) {
                    job.call().run(client);
                    counters.sent.incrementAndGet();
                } else if (gate.getAsBoolean()) {
                    HandOver.call(gate, job.call(), client);
                    gate.handedOver(); // a client without HandOver's events: now at the latest
                    counters.sent.incrementAndGet();
                }
                finish(lane, job, null);
            } catch (TelegramApiRequestException e) {
                if (!follow(lane, job, Refusals.after(e, ++lane.attempts), e)) {
                    return;
                }
            } catch (TelegramApiException | RuntimeException e) {
                if (closed) {
                    abandon(lane);
                    return;
                }
                if (!follow(lane, job, Refusals.afterNetworkError(e, ++lane.attempts), e)) {
                    return;
                }
            }
        }
    }

    /**
     * True when a call to this chat may skip the queue (as a webhook response): nothing is queued
     * for the chat and both budgets allow a call now, which this consumes and counts as sent.
     */
    boolean claimInline(long chatId, boolean group) {
        if (closed || lanes.containsKey(chatId)) {
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
        if (closed) {
            return false;
        }
        counters.sent.incrementAndGet();
        counters.inline.incrementAndGet();
        return true;
    }

    /** True to go on with the lane now; false when the lane will resume later (or was emptied). */
    private boolean follow(Lane lane, Lane.Job job, Refusals.Next next, Exception e) {
        if (next instanceof Refusals.Next.SlowDown || next instanceof Refusals.Next.Retry) {
            notHandedOver(job);
        }
        if (next instanceof Refusals.Next.SlowDown wait) {
            lane.attempts--; // Telegram's own pacing is not a failed attempt
            counters.rateLimited.incrementAndGet();
            log.warn(
                    "Telegram asked to slow down ({}): chat lane waits {} s",
                    job.what(),
                    TimeUnit.NANOSECONDS.toSeconds(wait.nanos()));
            later(lane, wait.nanos());
            return false;
        }
        if (next instanceof Refusals.Next.Retry retry) {
            counters.retries.incrementAndGet();
            log.warn(
                    "{} failed ({}), retry {} in {} ms",
                    job.what(),
                    retry.reason(),
                    lane.attempts,
                    TimeUnit.NANOSECONDS.toMillis(retry.nanos()));
            later(lane, retry.nanos());
            return false;
        }
        if (next instanceof Refusals.Next.Blocked) {
            dropLane(lane, job, (TelegramApiRequestException) e);
            return false;
        }
        if (next instanceof Refusals.Next.WentThrough) {
            counters.sent.incrementAndGet();
            log.warn(
                    "{} went through but its answer could not be read: {}",
                    job.what(),
                    e.getMessage());
            finish(lane, job, null);
            return true;
        }
        Refusals.Next.GiveUp giveUp = (Refusals.Next.GiveUp) next;
        counters.failed.incrementAndGet();
        log.error("Telegram did not take {}: {}", job.what(), giveUp.reason());
        finish(lane, job, new IllegalStateException(giveUp.reason(), e));
        return true;
    }

    /** A reminder Telegram refused for now waits, claimed, for its retry (or the next process). */
    private static void notHandedOver(Lane.Job job) {
        OnceGate gate = job.gate();
        if (gate == null) {
            return;
        }
        try {
            gate.notHandedOver();
        } catch (RuntimeException e) {
            log.warn("a refused reminder is still marked sent: {}", e.getMessage());
        }
    }

    private void dropLane(Lane lane, Lane.Job first, TelegramApiRequestException e) {
        int dropped;
        synchronized (lane) {
            dropped = lane.jobs.size();
            for (Lane.Job job : lane.jobs) {
                job.done().completeExceptionally(e);
            }
            lane.jobs.clear();
            lane.attempts = 0;
        }
        counters.blocked.addAndGet(dropped);
        log.info(
                "a chat refuses messages (403: {}); dropped {} queued call(s), starting with {}",
                e.getApiResponse(),
                dropped,
                first.what());
        onBlocked.accept(lane.chatId);
        if (!closed) {
            senders.execute(
                    () -> drain(lane)); // lets the lane close, or take calls queued meanwhile
        }
    }

    private void finish(Lane lane, Lane.Job job, @Nullable Throwable failure) {
        synchronized (lane) {
            lane.jobs.pollFirst();
            lane.attempts = 0;
        }
        if (failure == null) {
            job.done().complete(null);
        } else {
            job.done().completeExceptionally(failure);
        }
    }

    private void resume(Lane lane) {
        try {
            senders.execute(() -> drain(lane));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            abandon(lane); // closing: nothing will run this lane again
        }
    }

    private void later(Lane lane, long nanos) {
        try {
            pacer.after(nanos, () -> senders.execute(() -> drain(lane)));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            abandon(lane); // closing: nothing will run this lane again
        }
    }

    /** At shutdown: the lane's calls will not be made; each is failed, counted, and logged once. */
    private void abandon(Lane lane) {
        int dropped;
        synchronized (lane) {
            dropped = lane.jobs.size();
            for (Lane.Job job : lane.jobs) {
                job.done()
                        .completeExceptionally(
                                new IllegalStateException("not sent: shutting down"));
            }
            lane.jobs.clear();
            lane.draining = false;
            lanes.remove(lane.chatId, lane);
        }
        if (dropped > 0) {
            counters.failed.addAndGet(dropped);
            log.warn("{} call(s) to a chat not sent: the bot is shutting down", dropped);
        }
    }

    private void signalIdle() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    /** Waits until no call is queued, or {@code max} has passed; true when none is left. */
    boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (idle) {
            while (pending() > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.min(left, 100)); // woken when a lane empties; the bound re-checks
            }
        }
        return true;
    }

    /** Calls still queued, across all chats. */
    int pending() {
        int count = 0;
        for (Lane lane : lanes.values()) {
            synchronized (lane) {
                count += lane.jobs.size();
            }
        }
        return count;
    }

    /** Calls still queued are given up on (and counted, and logged); call after a bounded flush. */
    @Override
    public void close() {
        closed = true;
        for (Lane lane : lanes.values()) {
            abandon(lane);
        }
        pacer.close();
        senders.shutdownNow();
    }
}
