package dev.backcoach.faults.common;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Telegram's side of webhook mode: every update is POSTed until some target answers 200, as
 * Telegram re-delivers an update its webhook did not accept. Several targets (two instances behind
 * one address) take turns, so a retry goes to the next one. A 200 with a body is a method call the
 * bot returned; it is run on the {@link BotApiFake}.
 */
public final class WebhookDelivery implements AutoCloseable {
    /** Telegram keeps up to 40 connections to one webhook open by default. */
    private static final int CONNECTIONS = 40;

    private static final Duration RETRY_AFTER = Duration.ofMillis(300);

    private static final class Job {
        final long updateId;
        final byte[] body;

        Job(long updateId, byte[] body) {
            this.updateId = updateId;
            this.body = body;
        }
    }

    private final BotApiFake api;
    private final BotApiFake.Listener listener;
    private final List<URI> targets;
    private final String secret;
    private final HttpClient http;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final ExecutorService senders;
    private final ScheduledExecutorService retries;
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private volatile boolean closed;

    public WebhookDelivery(
            BotApiFake api, BotApiFake.Listener listener, List<URI> targets, String secret) {
        this.api = api;
        this.listener = listener;
        this.targets = List.copyOf(targets);
        this.secret = secret;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2))
                        .executor(Executors.newFixedThreadPool(4, Daemons.named("webhook-io")))
                        .build();
        this.senders = Executors.newFixedThreadPool(CONNECTIONS, Daemons.named("webhook-send"));
        this.retries = Executors.newSingleThreadScheduledExecutor(Daemons.named("webhook-retry"));
        for (int i = 0; i < CONNECTIONS; i++) {
            senders.execute(this::sendLoop);
        }
    }

    public void deliver(long updateId, byte[] update) {
        queue.add(new Job(updateId, update));
    }

    /** POSTs made, and of those the ones not answered 200 (refused, reset, 5xx, timed out). */
    public long attempts() {
        return attempts.sum();
    }

    public long refused() {
        return refused.sum();
    }

    private void sendLoop() {
        while (!closed) {
            Job job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            URI target = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
            attempts.increment();
            boolean accepted = false;
            try {
                HttpResponse<byte[]> response =
                        http.send(
                                HttpRequest.newBuilder(target)
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Content-Type", "application/json")
                                        .header("X-Telegram-Bot-Api-Secret-Token", secret)
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(job.body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    accepted = true;
                    if (response.body().length > 0) {
                        api.inline(response.body());
                    }
                    listener.confirmed(job.updateId);
                }
            } catch (IOException e) {
                // refused or reset: the instance is down or was killed mid-request
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!accepted && !closed) {
                refused.increment();
                var unused =
                        retries.schedule(
                                () -> queue.add(job),
                                RETRY_AFTER.toMillis(),
                                TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        senders.shutdownNow();
        retries.shutdownNow();
    }
}
