package dev.backcoach.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling. The library confirms a batch with its next getUpdates, so a batch is fully handled
 * (turns committed, replies sent or given up on) before {@code consume} returns: after a crash,
 * Telegram delivers the unconfirmed updates again and the stored replies answer them. Closing stops
 * the polling, waits for the batch in progress, and leaves any batch that arrives later unhandled
 * and unconfirmed, so Telegram delivers it again to the next process.
 *
 * <p>The receiver is made as soon as the connection is open, so that its deleteWebhook round trip
 * overlaps the rest of start-up; polling itself begins once {@link #serve} gives it the bot.
 */
@SuppressWarnings(
        "try") // close() passes on what the library's close() throws, InterruptedException included
public final class PollingReceiver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PollingReceiver.class);

    /**
     * A batch waits at most this long for its replies (429 waits included) before the next poll.
     */
    static final Duration BATCH_LIMIT = Duration.ofMinutes(2);

    /** Polling waits for the bot as long as start-up takes. */
    private static final Duration FOREVER = Duration.ofDays(365);

    private static final DefaultGetUpdatesGenerator GENERATOR = new DefaultGetUpdatesGenerator();

    private final TelegramBotsLongPollingApplication application;
    private final PollHealth health = new PollHealth();

    /** Held while a batch is handled; closing takes it to wait for that batch. */
    private final ReentrantLock batch = new ReentrantLock();

    /** The bot that handles the updates, once start-up has built it. */
    private final AwaitedBot bot = new AwaitedBot();

    private volatile boolean closing;

    /** Deletes any webhook (as polling must) now; the first poll waits for {@link #serve}. */
    PollingReceiver(String token, TelegramUrl url, OkHttpClient http, ObjectMapper json)
            throws TelegramApiException {
        ThreadFactory daemons = DaemonThreads.named("telegram-poll");
        // A daemon poller: closing the application must never leave a thread that keeps the JVM
        // alive. Its thread begins polling once there is a bot (none after closing): polls on the
        // way would read updates nothing can handle yet, and compete with start-up for the CPU.
        ThreadFactory afterServe =
                poller ->
                        daemons.newThread(
                                () -> {
                                    if (bot.await(FOREVER) != null) {
                                        poller.run();
                                    }
                                });
        application =
                new TelegramBotsLongPollingApplication(
                        () -> json,
                        () -> http,
                        () -> Executors.newSingleThreadScheduledExecutor(afterServe),
                        () -> new CappedBackOff(health));
        application.registerBot(
                token,
                () -> url,
                last -> new TolerantGetUpdates(GENERATOR.apply(last)),
                this::consume);
    }

    /** Hands the updates, those waiting included, to {@code handler}. */
    void serve(TelegramBot handler) {
        bot.serve(handler);
    }

    private void consume(List<Update> updates) {
        TelegramBot handler = bot.await(FOREVER);
        batch.lock();
        try {
            if (closing || handler == null) {
                log.info("stopping: {} updates left for the next start", updates.size());
                return;
            }
            handle(handler, updates);
        } finally {
            batch.unlock();
        }
    }

    private static void handle(TelegramBot bot, List<Update> updates) {
        List<CompletableFuture<Void>> replies = new ArrayList<>(updates.size());
        for (Update update : updates) {
            try {
                replies.add(bot.onUpdate(update));
            } catch (RuntimeException e) {
                log.error("update {} could not be handled", update.getUpdateId(), e);
            }
        }
        try {
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                    .get(BATCH_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "replies of a batch of {} updates still queued after {}; polling on",
                    updates.size(),
                    BATCH_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.debug("a reply failed; the outbox logged why", e);
        }
    }

    boolean running() {
        return application.isRunning();
    }

    Optional<String> problem() {
        return closing ? Optional.of("stopping") : health.problem();
    }

    /** Stops polling and waits up to {@code max} for the batch being handled. */
    void stop(Duration max) throws Exception {
        closing = true;
        application.close();
        // After the polling stopped, so that a batch waiting for a bot that will not come is not
        // confirmed by a next poll.
        bot.withdraw();
        if (batch.tryLock(max.toMillis(), TimeUnit.MILLISECONDS)) {
            batch.unlock();
        } else {
            log.warn("a batch of updates was still being handled after {}", max);
        }
    }

    @Override
    public void close() throws Exception {
        closing = true;
        application.close();
        bot.withdraw();
    }
}
