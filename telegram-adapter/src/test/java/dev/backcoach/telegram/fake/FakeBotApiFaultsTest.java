package dev.backcoach.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Fault injection and limits: failNext, blocked chats, the rate watch, slowdown, storms. */
class FakeBotApiFaultsTest extends FakeBotApiFixture {

    @Test
    void failNextGivesTheClientTelegramsErrorWithRetryAfter() throws Exception {
        telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 7", 7);

        TelegramApiRequestException e =
                rejected(
                        () ->
                                client.execute(
                                        SendMessage.builder().chatId(USER).text("hi").build()));

        assertThat(e.getErrorCode()).isEqualTo(429);
        assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
        assertThat(e.getApiResponse()).isEqualTo("Too Many Requests: retry after 7");
        assertThat(client.execute(SendMessage.builder().chatId(USER).text("hi").build()).getText())
                .isEqualTo("hi");
        assertThat(telegram.chat(USER)).hasSize(1);
        telegram.assertNoViolations();
    }

    @Test
    void blockedChatAnswers403() throws Exception {
        telegram.blockChat(USER);

        TelegramApiRequestException e =
                rejected(
                        () ->
                                client.execute(
                                        SendMessage.builder().chatId(USER).text("hi").build()));

        assertThat(e.getErrorCode()).isEqualTo(403);
        assertThat(e.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(client.execute(SendMessage.builder().chatId(USER + 1).text("hi").build()))
                .isNotNull();
        telegram.unblockChat(USER);
        assertThat(client.execute(SendMessage.builder().chatId(USER).text("hi").build()))
                .isNotNull();
        telegram.assertNoViolations();
    }

    @Test
    void rateWatchFlagsABurstOf40Messages() throws Exception {
        List<CompletableFuture<Message>> sends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sends.add(
                    client.executeAsync(
                            SendMessage.builder().chatId(1000L + i).text("Reminder " + i).build()));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(telegram.violations())
                .singleElement()
                .asString()
                .contains("rate limit", "within 1 s", "limit 30/s per bot");
    }

    @Test
    void rateWatchFlagsBurstsToOneChatAndToGroups() throws Exception {
        List<CompletableFuture<Message>> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(
                    client.executeAsync(
                            SendMessage.builder().chatId(USER).text("Spam " + i).build()));
        }
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(telegram.violations()).singleElement().asString().contains("to chat " + USER);
        telegram.clearViolations();

        telegram.limits(1000, 1000, 20);
        for (int i = 0; i < 21; i++) {
            client.execute(SendMessage.builder().chatId(-500L).text("Group " + i).build());
        }
        assertThat(telegram.violations())
                .singleElement()
                .asString()
                .contains("group -500", "limit 20/min");
    }

    @Test
    void slowdownDelaysAnswers() throws Exception {
        telegram.slowdown(Duration.ofMillis(300));
        long before = System.nanoTime();
        client.execute(GetMe.builder().build());
        assertThat(Duration.ofNanos(System.nanoTime() - before))
                .isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    /**
     * A storm's late answer: the message is in the chat at once, only the answer waits (as when
     * Telegram's answer is lost on the way), so a client that gives up and sends again makes a
     * duplicate right after it, never one that lands later.
     */
    @Test
    void aStormsLateAnswerComesAfterTheCallWasCarriedOut() throws Exception {
        telegram.storm((method, nanos) -> FakeBotApi.Fault.slow(Duration.ofSeconds(2)));
        CompletableFuture<Message> sent =
                client.executeAsync(SendMessage.builder().chatId(USER).text("early").build());
        await().atMost(Duration.ofSeconds(1))
                .untilAsserted(
                        () ->
                                assertThat(telegram.chat(USER))
                                        .extracting(SentMessage::plainText)
                                        .containsExactly("early"));
        assertThat(sent).as("the answer is still held back").isNotDone();
        assertThat(sent.get(5, TimeUnit.SECONDS).getText()).isEqualTo("early");
    }
}
