package dev.backcoach.telegram;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The bot a receiver hands updates to. Receivers are made as soon as Telegram's connection is open,
 * beside the rest of start-up, and get the bot when start-up has built it.
 */
final class AwaitedBot {
    private final CompletableFuture<TelegramBot> bot = new CompletableFuture<>();

    void serve(TelegramBot handler) {
        bot.complete(handler);
    }

    /** No bot will come (the receiver closed): those waiting get none. */
    void withdraw() {
        bot.cancel(false);
    }

    /** The bot, waiting up to {@code max} for it; null when it did not come in time or at all. */
    @Nullable TelegramBot await(Duration max) {
        try {
            return bot.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | CancellationException | TimeoutException e) {
            return null;
        }
    }
}
