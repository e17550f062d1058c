package dev.backcoach.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Telegram delivers the unconfirmed updates again and the stored replies answer them.
 */
final class PollingReceiver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PollingReceiver.class);
    /** A batch waits at most this long for its replies (429 waits included) before the next poll. */
    static final Duration BATCH_LIMIT = Duration.ofMinutes(2);

    private final TelegramBotsLongPollingApplication application;

    PollingReceiver(TelegramBot bot, String token, TelegramUrl url, OkHttpClient http, ObjectMapper json)
            throws TelegramApiException {
        // A daemon poller: closing the application must never leave a thread that keeps the JVM alive.
        application = new TelegramBotsLongPollingApplication(() -> json, () -> http,
                () -> Executors.newSingleThreadScheduledExecutor(Outbox.daemon("telegram-poll")), CappedBackOff::new);
        application.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(), updates -> consume(bot, updates));
    }

    private static void consume(TelegramBot bot, List<Update> updates) {
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
            log.warn("replies of a batch of {} updates still queued after {}; polling on", updates.size(), BATCH_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.debug("a reply failed; the outbox logged why", e);
        }
    }

    boolean running() {
        return application.isRunning();
    }

    @Override
    public void close() throws Exception {
        application.close();
    }
}
