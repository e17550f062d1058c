package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.telegram.fake.FakeBotApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * The outbox on the real client against the strict fake: order, 429, 403, 5xx, shutdown. Time is
 * virtual: every wait passes at once and is recorded, and the fake judges rates on the same clock.
 */
class OutboxTest {
    static final String TOKEN = "123456:OUTBOX-test";
    FakeBotApi telegram;
    Outbox outbox;
    SendCounters counters;
    final VirtualPacer time = new VirtualPacer();
    final AtomicLong blockedChat = new AtomicLong();

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start(TOKEN).rateClock(time::nanoTime);
        OkHttpTelegramClient client =
                new OkHttpTelegramClient(
                        new OkHttpClient(),
                        TOKEN,
                        TelegramUrl.builder()
                                .schema("http")
                                .host("127.0.0.1")
                                .port(telegram.port())
                                .testServer(false)
                                .build());
        counters = new SendCounters();
        outbox = new Outbox(client, 30, 1, blockedChat::set, counters, time);
    }

    @AfterEach
    void stop() {
        outbox.close();
        try {
            telegram.assertNoViolations();
        } finally {
            telegram.close();
        }
    }

    CompletableFuture<Void> send(long chat, String text) {
        return outbox.submit(
                chat,
                false,
                "sendMessage",
                c -> {
                    c.execute(SendMessage.builder().chatId(chat).text(text).build());
                });
    }

    @Test
    void a429WaitsAndKeepsTheChatsOrderWithinItsBudget() {
        telegram.failNext("sendMessage", 2, 429, "Too Many Requests: retry after 1", 1);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            sent.add(send(42, "message " + i));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        assertThat(telegram.chat(42))
                .extracting(m -> m.plainText())
                .containsExactly("message 1", "message 2", "message 3", "message 4");
        assertThat(counters.rateLimited()).isEqualTo(2);
        assertThat(counters.failed()).isZero();
        Duration second = Duration.ofSeconds(1);
        assertThat(time.waits())
                .as(
                        "retry_after twice, then the chat's budget of one a second for messages 3 and 4")
                .containsExactly(second, second, second, second);
    }

    @Test
    void aBlockedChatIsReportedOnceAndNotRetried() {
        telegram.blockChat(43);
        CompletableFuture<Void> first = send(43, "one");
        await().atMost(Duration.ofSeconds(5)).until(first::isDone);
        assertThat(first).isCompletedExceptionally();
        assertThat(blockedChat.get()).isEqualTo(43);
        assertThat(telegram.calls("sendMessage")).hasSize(1);
        assertThat(counters.blocked()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackOff() {
        telegram.failNext("sendMessage", 2, 502, "Bad Gateway", null);
        send(44, "eventually").join();
        assertThat(telegram.chat(44)).extracting(m -> m.plainText()).containsExactly("eventually");
        assertThat(counters.retries()).isEqualTo(2);
        assertThat(time.waits())
                .as("a growing back-off")
                .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void whatIsStillQueuedAtShutdownIsCountedAsNotSent() {
        time.hold();
        telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 30", 30);
        CompletableFuture<Void> waiting = send(45, "late");
        CompletableFuture<Void> behind = send(45, "later");
        await().atMost(Duration.ofSeconds(5)).until(() -> counters.rateLimited() == 1);
        assertThat(time.waits()).containsExactly(Duration.ofSeconds(30));
        outbox.close();
        assertThat(waiting).isCompletedExceptionally();
        assertThat(behind).isCompletedExceptionally();
        assertThat(counters.failed()).isEqualTo(2);
        assertThat(send(45, "after close")).isCompletedExceptionally();
    }
}
