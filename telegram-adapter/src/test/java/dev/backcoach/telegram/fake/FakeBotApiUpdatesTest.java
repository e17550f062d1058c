package dev.backcoach.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Updates: real long polling with offset, limit and timeout, conflicts, and the webhook. */
class FakeBotApiUpdatesTest extends FakeBotApiFixture {

    @Test
    @SuppressWarnings(
            "try") // the library's close() may throw InterruptedException; the test passes it on
    void realLongPollerReceivesQueuedUpdatesAndConfirmsThem() throws Exception {
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        try (TelegramBotsLongPollingApplication app =
                new TelegramBotsLongPollingApplication(
                        com.fasterxml.jackson.databind.ObjectMapper::new,
                        () -> okHttp,
                        () ->
                                Executors.newSingleThreadScheduledExecutor(
                                        r -> {
                                            Thread t = new Thread(r, "test-poller");
                                            t.setDaemon(true);
                                            return t;
                                        }))) {
            int first = telegram.privateText(USER, "/start payload-7");
            app.registerBot(
                    TOKEN,
                    () -> url(telegram),
                    new DefaultGetUpdatesGenerator(),
                    updates -> received.addAll(updates));

            Update start = received.poll(10, TimeUnit.SECONDS);
            assertThat(start).isNotNull();
            assertThat(start.getUpdateId()).isEqualTo(first);
            assertThat(start.getMessage().getText()).isEqualTo("/start payload-7");
            assertThat(start.getMessage().getChat().getType()).isEqualTo("private");
            assertThat(start.getMessage().getEntities())
                    .singleElement()
                    .satisfies(
                            entity -> {
                                assertThat(entity.getType()).isEqualTo("bot_command");
                                assertThat(entity.getOffset()).isZero();
                                assertThat(entity.getLength()).isEqualTo(6);
                            });

            // A new update while the poller waits arrives at once, and the next poll confirms it.
            int second = telegram.groupText(-100200, USER, "hello group");
            Update hello = received.poll(10, TimeUnit.SECONDS);
            assertThat(hello.getUpdateId()).isEqualTo(second);
            assertThat(hello.getMessage().getChat().getType()).isEqualTo("group");
            telegram.awaitCall(
                    "getUpdates",
                    c -> Long.valueOf(second + 1).equals(c.params().get("offset")),
                    Duration.ofSeconds(10));
            assertThat(telegram.pendingUpdates()).isZero();
            assertThat(telegram.calls("deleteWebhook")).hasSize(1);
        }
        telegram.assertNoViolations();
    }

    @Test
    void getUpdatesHonoursOffsetAndLimit() throws Exception {
        int a = telegram.privateText(USER, "a");
        int b = telegram.privateText(USER, "b");
        int c = telegram.privateText(USER, "c");

        List<Update> firstTwo = client.execute(GetUpdates.builder().limit(2).build());
        assertThat(firstTwo).extracting(Update::getUpdateId).containsExactly(a, b);
        List<Update> again = client.execute(GetUpdates.builder().build());
        assertThat(again).extracting(Update::getUpdateId).containsExactly(a, b, c);
        List<Update> afterB = client.execute(GetUpdates.builder().offset(b + 1).build());
        assertThat(afterB).extracting(Update::getUpdateId).containsExactly(c);
        assertThat(telegram.pendingUpdates()).isEqualTo(1);
        telegram.assertNoViolations();
    }

    @Test
    void getUpdatesWaitsForTheNextUpdate() throws Exception {
        CompletableFuture<ArrayList<Update>> poll =
                client.executeAsync(GetUpdates.builder().offset(1).timeout(10).build());
        telegram.awaitCall("getUpdates", call -> true, Duration.ofSeconds(5));
        assertThat(poll).isNotDone();

        long before = System.nanoTime();
        int id = telegram.privateText(USER, "now");
        List<Update> updates = poll.get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
        assertThat(updates).extracting(Update::getUpdateId).containsExactly(id);
        telegram.assertNoViolations();
    }

    @Test
    void getUpdatesTimesOutWithAnEmptyList() throws Exception {
        long before = System.nanoTime();
        List<Update> updates = client.execute(GetUpdates.builder().offset(1).timeout(1).build());
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(updates).isEmpty();
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        assertThat(client.execute(GetUpdates.builder().build())).isEmpty();
        telegram.assertNoViolations();
    }

    @Test
    void secondConcurrentLongPollIsAConflict() throws Exception {
        CompletableFuture<ArrayList<Update>> first =
                client.executeAsync(GetUpdates.builder().timeout(10).build());
        telegram.awaitCall("getUpdates", call -> true, Duration.ofSeconds(5));
        CompletableFuture<ArrayList<Update>> second =
                client.executeAsync(GetUpdates.builder().timeout(1).build());

        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TelegramApiRequestException.class)
                .cause()
                .satisfies(
                        e ->
                                assertThat(((TelegramApiRequestException) e).getErrorCode())
                                        .isEqualTo(409));
        assertThat(second.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(telegram.violations()).singleElement().asString().contains("getUpdates", "409");
    }

    @Test
    void closeEndsAPendingLongPollQuickly() throws Exception {
        CompletableFuture<ArrayList<Update>> poll =
                client.executeAsync(GetUpdates.builder().timeout(30).build());
        telegram.awaitCall("getUpdates", call -> true, Duration.ofSeconds(5));

        long before = System.nanoTime();
        telegram.close();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        try {
            assertThat(poll.get(5, TimeUnit.SECONDS)).isEmpty();
        } catch (java.util.concurrent.ExecutionException e) {
            // The connection may be cut before the empty answer is written; either way the poll is
            // over.
        }
    }

    @Test
    void webhookIsRememberedAndBlocksPolling() throws Exception {
        client.execute(
                SetWebhook.builder()
                        .url("https://bot.example.org/telegram")
                        .secretToken("s3cret_-X")
                        .build());

        assertThat(telegram.webhook())
                .hasValueSatisfying(
                        w -> {
                            assertThat(w.get("url")).isEqualTo("https://bot.example.org/telegram");
                            assertThat(w.get("secret_token")).isEqualTo("s3cret_-X");
                        });
        WebhookInfo info = client.execute(GetWebhookInfo.builder().build());
        assertThat(info.getUrl()).isEqualTo("https://bot.example.org/telegram");
        telegram.assertNoViolations();

        TelegramApiRequestException conflict =
                rejected(() -> client.execute(GetUpdates.builder().build()));
        assertThat(conflict.getErrorCode()).isEqualTo(409);
        telegram.clearViolations();

        assertThat(client.execute(DeleteWebhook.builder().build())).isTrue();
        assertThat(telegram.webhook()).isEmpty();

        rejected(
                () ->
                        client.execute(
                                SetWebhook.builder()
                                        .url("http://127.0.0.1:9999/telegram")
                                        .build()));
        assertThat(telegram.violations()).singleElement().asString().contains("HTTPS");
    }
}
