package dev.backcoach.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;

/**
 * Webhook mode on the JDK's HTTP server. Telegram's secret header is compared in constant time (403
 * otherwise). The turn is committed before the 200, so a retry by Telegram is answered from the
 * stored replies. Replies that go through the outbox are sent before the 200, too: the outbox lives
 * in memory, and a crash after a 200 would lose them, as Telegram never sends that update again.
 * The wait holds no worker: the response is completed when the sends are. Stopping answers new
 * requests with 503 (Telegram sends them again later, to whichever instance is up) and waits for
 * the requests in progress.
 *
 * <p>Under overload the receiver sheds load instead of letting every answer slow down until
 * Telegram's request times out: once {@code maxInFlight} updates are queued or running, a further
 * one is answered at once with 503 on a thread of its own, without reading it, and Telegram
 * delivers it again later. Nothing is lost, and the updates taken keep a bounded wait.
 *
 * <p>It listens as soon as the connection is open; an update that arrives before {@link #serve}
 * waits for the bot (at most {@link #SEND_WAIT}, then 503).
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    /**
     * The longest a 200 waits for the update's replies to go out (429 waits included); then it is
     * sent anyway, lest Telegram deliver the update again while its replies are still queued.
     */
    static final Duration SEND_WAIT = Duration.ofSeconds(20);

    static {
        // The JDK server writes headers and body apart; with Nagle on, a response with a body waits
        // ~40 ms for the client's delayed ACK. Read once, when the server classes first load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Set on the thread that refuses updates over the limit. */
    private static final ThreadLocal<Boolean> SHEDDING = ThreadLocal.withInitial(() -> false);

    /**
     * Set on a worker while its request holds a place in flight, given back just before the answer
     * goes out: the client may send its next request as soon as it has the answer.
     */
    private static final ThreadLocal<Boolean> COUNTED = ThreadLocal.withInitial(() -> false);

    private final HttpServer server;
    private final ExecutorService workers;
    private final ExecutorService shedder;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong shed = new AtomicLong();
    private final int maxInFlight;
    private final AwaitedBot bot = new AwaitedBot();
    private final InlineJson inlineJson;
    private final UpdateJson updates;
    private final byte[] secret;
    private final Phaser active = new Phaser(1);
    private volatile boolean closing;

    WebhookReceiver(ObjectMapper json, int port, String path, int maxInFlight, String secret)
            throws IOException {
        this.maxInFlight = maxInFlight;
        this.inlineJson = new InlineJson(json);
        this.updates = new UpdateJson(json);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress(port), 1024);
        // Most of a request's time is spent waiting for its commit, and commits are grouped, so
        // more workers than cores make bigger groups: on 2 cores 16 did best (8: ~5,500 updates/s;
        // 16: 5,700-7,300; 32: worse again, waiting for the 10 pooled connections).
        this.workers =
                Executors.newFixedThreadPool(
                        Math.max(16, 8 * Runtime.getRuntime().availableProcessors()),
                        DaemonThreads.named("telegram-webhook"));
        this.shedder =
                Executors.newSingleThreadExecutor(DaemonThreads.named("telegram-webhook-shed"));
        server.setExecutor(this::dispatch);
        server.createContext(path, this::handle);
        server.start();
        log.info("webhook listening on port {} at {}", server.getAddress().getPort(), path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    void serve(TelegramBot handler) { // those waiting for it included
        bot.serve(handler);
    }

    /**
     * Called by the server's dispatcher thread for each request: to a worker while fewer than
     * {@code maxInFlight} are queued or running, otherwise to the thread that refuses it.
     */
    private void dispatch(Runnable exchange) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            shed.incrementAndGet();
            shedder.execute(
                    () -> {
                        SHEDDING.set(true);
                        try {
                            exchange.run();
                        } finally {
                            SHEDDING.set(false);
                        }
                    });
            return;
        }
        try {
            workers.execute(
                    () -> {
                        COUNTED.set(true);
                        try {
                            exchange.run();
                        } finally {
                            release(); // when the server answered without calling handle()
                        }
                    });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet(); // closed: the server drops the connection
            throw e;
        }
    }

    private void release() {
        if (COUNTED.get()) {
            COUNTED.set(false);
            inFlight.decrementAndGet();
        }
    }

    /** Updates refused because too many were in flight, since the start. */
    long shed() {
        return shed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        active.register();
        boolean answerLater = false;
        try {
            if (closing || SHEDDING.get()) {
                // Telegram delivers the update again later, to this instance or another.
                exchange.getResponseHeaders().set("Retry-After", "1");
                respond(exchange, 503);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405);
                return;
            }
            String given = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (given == null
                    || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                respond(exchange, 403);
                return;
            }
            byte[] body = RequestBody.read(exchange);
            if (body == null) {
                respond(exchange, 413);
                return;
            }
            TelegramBot handler = bot.await(SEND_WAIT);
            if (handler == null) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                respond(exchange, 503);
                return;
            }
            UpdateJson.Read update;
            try {
                update = updates.read(body, handler.username());
            } catch (IOException e) {
                log.warn("webhook body is not an update: {}", e.getClass().getSimpleName());
                respond(exchange, 400);
                return;
            }
            TelegramBot.Handled handled;
            try {
                handled = handler.onIncoming(update.updateId(), update.incoming(), true);
            } catch (RuntimeException e) {
                // 500 makes Telegram retry; the de-duplication answers the retry without a second
                // turn
                log.error("update {} could not be handled", update.updateId(), e);
                respond(exchange, 500);
                return;
            }
            BotApiMethod<?> inline = handled.inline();
            if (!handled.sent().isDone()) {
                // A press's message waits in the outbox while its answerCallbackQuery rides here.
                answerLater = true;
                var unused =
                        handled.sent()
                                .orTimeout(SEND_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                                .whenComplete(
                                        (sent, failure) ->
                                                answerWhenSent(
                                                        exchange,
                                                        update.updateId(),
                                                        inline,
                                                        failure));
                return;
            }
            answer(exchange, inline);
        } finally {
            if (!answerLater) {
                exchange.close();
                active.arriveAndDeregister();
            }
        }
    }

    /** 200, carrying the one call Telegram runs itself when there is one ("method" in the JSON). */
    private void answer(HttpExchange exchange, @Nullable BotApiMethod<?> inline)
            throws IOException {
        if (inline == null) {
            respond(exchange, 200);
            return;
        }
        byte[] call = inlineJson.write(inline);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        release();
        exchange.sendResponseHeaders(200, call.length);
        exchange.getResponseBody().write(call);
    }

    /**
     * The 200 for an update whose replies went through the outbox, once they are sent. A reply the
     * outbox gave up on was logged there; sending the update again would not help it.
     */
    private void answerWhenSent(
            HttpExchange exchange,
            long updateId,
            @Nullable BotApiMethod<?> inline,
            @Nullable Throwable failure) {
        try (exchange) {
            if (failure instanceof TimeoutException) {
                log.warn(
                        "replies to update {} still queued after {}; answering 200",
                        updateId,
                        SEND_WAIT);
            }
            answer(exchange, inline);
        } catch (IOException e) {
            log.debug("update {}: Telegram left before the 200", updateId);
        } finally {
            active.arriveAndDeregister();
        }
    }

    private void respond(HttpExchange exchange, int status) throws IOException {
        release();
        exchange.sendResponseHeaders(status, -1);
    }

    boolean closing() {
        return closing;
    }

    /** Refuses new requests, waits up to {@code max} for those in progress, then closes. */
    void stop(Duration max) throws InterruptedException {
        closing = true;
        int phase = active.arrive();
        try {
            active.awaitAdvanceInterruptibly(phase, max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("webhook requests still in progress after {}", max);
        }
        close();
    }

    @Override
    public void close() {
        closing = true;
        bot.withdraw(); // requests waiting for a bot that will not come are answered 503
        server.stop(0);
        workers.shutdownNow();
        shedder.shutdownNow();
    }
}
