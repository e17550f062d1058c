package dev.backcoach.telegram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The {@link Outbox}'s senders: each chat's lane is drained by one sender at a time, call after
 * call, within the budgets; a refusal ({@link Refusals}) makes the lane wait on the {@link Pacer}
 * and come back, holding no thread meanwhile. At shutdown the calls left are failed and counted.
 */
final class LaneDrains {
    private static final Logger log = LoggerFactory.getLogger(LaneDrains.class);

    private final TelegramClient client;
    private final SendBudget budget;
    private final ConcurrentMap<Long, Lane> lanes;
    private final LongConsumer onBlocked;
    private final SendCounters counters;
    private final ExecutorService senders;
    private final Pacer pacer;
    private volatile boolean closed;
    private final Object idle = new Object();

    LaneDrains(
            TelegramClient client,
            SendBudget budget,
            ConcurrentMap<Long, Lane> lanes,
            LongConsumer onBlocked,
            SendCounters counters,
            Pacer pacer) {
        this.client = client;
        this.budget = budget;
        this.lanes = lanes;
        this.onBlocked = onBlocked;
        this.counters = counters;
        this.senders = Executors.newFixedThreadPool(8, DaemonThreads.named("telegram-send"));
        this.pacer = pacer;
    }

    boolean closed() {
        return closed;
    }

    /** A lane just given its first call: a sender drains it. */
    void start(Lane lane) {
        senders.execute(() -> drain(lane));
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
                lane.finishFirst(job, null);
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

    /** True to go on with the lane now; false when the lane will resume later (or was emptied). */
    private boolean follow(Lane lane, Lane.Job job, Refusals.Next next, Exception e) {
        OnceGate gate = job.gate();
        if (gate != null
                && (next instanceof Refusals.Next.SlowDown
                        || next instanceof Refusals.Next.Retry)) {
            gate.notHandedOver();
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
            lane.finishFirst(job, null);
            return true;
        }
        Refusals.Next.GiveUp giveUp = (Refusals.Next.GiveUp) next;
        counters.failed.incrementAndGet();
        log.error("Telegram did not take {}: {}", job.what(), giveUp.reason());
        lane.finishFirst(job, new IllegalStateException(giveUp.reason(), e));
        return true;
    }

    private void dropLane(Lane lane, Lane.Job first, TelegramApiRequestException e) {
        int dropped = lane.failAll(e);
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
            dropped = lane.failAll(new IllegalStateException("not sent: shutting down"));
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
    void close() {
        closed = true;
        for (Lane lane : lanes.values()) {
            abandon(lane);
        }
        pacer.close();
        senders.shutdownNow();
    }
}
