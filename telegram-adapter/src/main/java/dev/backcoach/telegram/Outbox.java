package dev.backcoach.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * groups). 429: the lane waits {@code retry_after}, then retries the same call, so order holds.
 * 403 (blocked): the user is reported unreachable and the lane's calls are dropped, each counted.
 * 5xx and network errors: a few retries with growing back-off. Nothing fails silently.
 */
final class Outbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    static final int MAX_ATTEMPTS = 4;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    /** One call to Telegram. */
    @FunctionalInterface
    interface Call {
        void run(TelegramClient client) throws TelegramApiException;
    }

    /** @param gate asked right before the call, after the budget wait: false skips the call (see deliverOnce) */
    private record Job(String what, Call call, boolean metered, @Nullable BooleanSupplier gate,
            CompletableFuture<Void> done) {}

    private final class Lane {
        final long chatId;
        final boolean group;
        final Deque<Job> jobs = new ArrayDeque<>();
        boolean draining;
        int attempts;

        Lane(long chatId, boolean group) {
            this.chatId = chatId;
            this.group = group;
        }
    }

    private final TelegramClient client;
    private final SendBudget budget;
    private final ConcurrentMap<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final LongConsumer onBlocked;
    private final SendCounters counters;
    private final ExecutorService senders;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;
    private final Object idle = new Object();

    Outbox(TelegramClient client, int globalPerSecond, int chatPerSecond, LongConsumer onBlocked,
            SendCounters counters) {
        this.client = client;
        this.budget = new SendBudget(globalPerSecond, chatPerSecond);
        this.onBlocked = onBlocked;
        this.counters = counters;
        this.senders = Executors.newFixedThreadPool(8, DaemonThreads.named("telegram-send"));
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("telegram-send-timer"));
    }

    CompletableFuture<Void> submit(long chatId, boolean group, String what, Call call) {
        return enqueue(chatId, group, new Job(what, call, true, null, new CompletableFuture<>()));
    }

    /** Like {@link #submit}, but the call is made only if {@code gate} still says yes once its turn has come. */
    CompletableFuture<Void> submitGated(long chatId, boolean group, String what, BooleanSupplier gate, Call call) {
        return enqueue(chatId, group, new Job(what, call, true, gate, new CompletableFuture<>()));
    }

    /** In the chat's order but outside the message budgets: answers to button presses are not messages. */
    CompletableFuture<Void> submitUnmetered(long chatId, String what, Call call) {
        return enqueue(chatId, chatId < 0, new Job(what, call, false, null, new CompletableFuture<>()));
    }

    private CompletableFuture<Void> enqueue(long chatId, boolean group, Job job) {
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
            Job job;
            synchronized (lane) {
                job = lane.jobs.peekFirst();
                if (job == null) {
                    lane.draining = false;
                    lanes.remove(lane.chatId, lane);
                    signalIdle();
                    return;
                }
            }
            long waitNanos = job.metered() ? budget.take(lane.chatId, lane.group) : 0;
            if (waitNanos > 0) {
                later(lane, waitNanos);
                return;
            }
            try {
                if (job.gate() == null || job.gate().getAsBoolean()) {
                    job.call().run(client);
                    counters.sent.incrementAndGet();
                }
                finish(lane, job, null);
            } catch (TelegramApiRequestException e) {
                if (!handleRefusal(lane, job, e)) {
                    return;
                }
            } catch (TelegramApiException | RuntimeException e) {
                if (closed) {
                    abandon(lane);
                    return;
                }
                if (!retryLater(lane, job, "network: " + e.getClass().getSimpleName())) {
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

    /** True to go on with the lane now; false when the lane will resume later (or was emptied). */
    private boolean handleRefusal(Lane lane, Job job, TelegramApiRequestException e) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        if (code == 429) {
            counters.rateLimited.incrementAndGet();
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            long seconds = retryAfter == null ? 1 : Math.max(1, retryAfter);
            log.warn("Telegram asked to slow down ({}): chat lane waits {} s", job.what(), seconds);
            later(lane, TimeUnit.SECONDS.toNanos(seconds));
            return false;
        }
        if (code == 403) {
            dropLane(lane, job, e);
            return false;
        }
        if (code == 0) {
            // Telegram answered 200 but the client could not read the answer: the call went through,
            // and retrying would send the message again.
            counters.sent.incrementAndGet();
            log.warn("{} went through but its answer could not be read: {}", job.what(), e.getMessage());
            finish(lane, job, null);
            return true;
        }
        if (code >= 500) {
            return retryLater(lane, job, "HTTP " + code);
        }
        // 400 and the like: the call itself is wrong, retrying cannot help.
        counters.failed.incrementAndGet();
        log.error("Telegram refused {}: {} {}", job.what(), code, e.getApiResponse());
        finish(lane, job, e);
        return true;
    }

    private boolean retryLater(Lane lane, Job job, String reason) {
        lane.attempts++;
        if (lane.attempts >= MAX_ATTEMPTS) {
            counters.failed.incrementAndGet();
            log.error("gave up on {} after {} attempts ({})", job.what(), lane.attempts, reason);
            finish(lane, job, new IllegalStateException("gave up: " + reason));
            return true;
        }
        counters.retries.incrementAndGet();
        long backoff = FIRST_BACKOFF.toNanos() << (lane.attempts - 1);
        log.warn("{} failed ({}), retry {} in {} ms", job.what(), reason, lane.attempts,
                TimeUnit.NANOSECONDS.toMillis(backoff));
        later(lane, backoff);
        return false;
    }

    private void dropLane(Lane lane, Job first, TelegramApiRequestException e) {
        int dropped;
        synchronized (lane) {
            dropped = lane.jobs.size();
            for (Job job : lane.jobs) {
                job.done().completeExceptionally(e);
            }
            lane.jobs.clear();
            lane.attempts = 0;
        }
        counters.blocked.addAndGet(dropped);
        log.info("a chat refuses messages (403: {}); dropped {} queued call(s), starting with {}",
                e.getApiResponse(), dropped, first.what());
        onBlocked.accept(lane.chatId);
        if (!closed) {
            senders.execute(() -> drain(lane)); // lets the lane close, or take calls queued meanwhile
        }
    }

    private void finish(Lane lane, Job job, @Nullable Throwable failure) {
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

    private void later(Lane lane, long nanos) {
        try {
            timer.schedule(() -> senders.execute(() -> drain(lane)), Math.max(nanos, 1), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            abandon(lane); // closing: nothing will run this lane again
        }
    }

    /** At shutdown: the lane's calls will not be made; each is failed, counted, and logged once. */
    private void abandon(Lane lane) {
        int dropped;
        synchronized (lane) {
            dropped = lane.jobs.size();
            for (Job job : lane.jobs) {
                job.done().completeExceptionally(new IllegalStateException("not sent: shutting down"));
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
        timer.shutdownNow();
        senders.shutdownNow();
    }
}
