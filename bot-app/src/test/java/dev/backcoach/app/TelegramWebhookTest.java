package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.model.Session;
import dev.backcoach.telegram.fake.SentMessage;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real application in webhook mode: updates POSTed as Telegram would, replies to the strict
 * fake.
 */
class TelegramWebhookTest {
    static final String TOKEN = TelegramHarness.TOKEN;
    static final String SECRET = "s3cret-Path_token";
    static final Catalog CATALOG = TelegramHarness.CATALOG;
    final HttpClient http = HttpClient.newHttpClient();
    final int port = freePort();
    @RegisterExtension final TelegramHarness bot = new TelegramHarness().webhook(port, SECRET);
    int inlineCalls;

    static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int post(String json, String secret) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && !response.body().isEmpty()) {
            // A webhook response may carry one Bot API call: Telegram runs it, and so does this
            // test,
            // against the strict fake.
            String method =
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(response.body())
                            .path("method")
                            .asText();
            assertThat(method).isNotEmpty();
            inlineCalls++;
            http.send(
                    HttpRequest.newBuilder(
                                    URI.create(
                                            bot.telegram().baseUrl()
                                                    + "/bot"
                                                    + TOKEN
                                                    + "/"
                                                    + method))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(response.body()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        return response.statusCode();
    }

    TelegramUser user(long id) {
        return new TelegramUser(
                bot.telegram(),
                id,
                json -> {
                    try {
                        assertThat(post(json, SECRET)).isEqualTo(200);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void theWebhookIsRegisteredWithItsSecret() {
        assertThat(bot.telegram().webhook())
                .hasValueSatisfying(
                        webhook -> {
                            assertThat(webhook)
                                    .containsEntry("url", "https://bot.example.org/telegram");
                            assertThat(webhook).containsEntry("secret_token", SECRET);
                        });
    }

    @Test
    void aConversationThroughTheWebhook() {
        TelegramUser anna = user(9001);
        anna.send("/start", CATALOG.text("start.ask_adult"));
        anna.press("Yes", CATALOG.text("start.ask_consent"));
        anna.press("Yes", Scripts.firstGroup(CATALOG));
        Scripts.report(
                CATALOG,
                "saddle_numbness",
                CATALOG.text("outcome.emergency").substring(0, 20),
                anna::press);
        assertThat(bot.stored(9001).route().name()).isEqualTo("EMERGENCY");
        assertThat(inlineCalls)
                .as("/start and every button press were answered in the webhook response")
                .isGreaterThanOrEqualTo(3);
        assertThat(bot.app().telegramCounters().inline()).isEqualTo(inlineCalls);
        assertThat(bot.telegram().unansweredCallbacks()).isEmpty();
    }

    /**
     * A press's next question is with Telegram by the time the webhook's 200 is: it rides in the
     * response (Telegram runs it, and delivers the press again if the response is lost), or, when
     * it cannot, the 200 waits for the outbox. The outbox is in memory: the fault suite's crash
     * loop lost such replies when the bot was killed between the 200 and the sends, since Telegram
     * never delivers an update again once it got its 200. The answer to the press (it only stops
     * the button's spinner) follows without holding the 200.
     */
    @Test
    void theWebhookSaysOkOnlyOnceTheRepliesOfAPressWentOut() throws Exception {
        TelegramUser ben = user(9006);
        SentMessage question = ben.send("/start", CATALOG.text("start.ask_adult"));
        bot.telegram().slowdown(Duration.ofMillis(300)); // without the wait, the 200 came first
        String press =
                bot.telegram()
                        .callbackUpdateJson(
                                9006,
                                9006,
                                question.messageId(),
                                question.button("Yes").callbackData());
        assertThat(post(press, SECRET)).isEqualTo(200);
        assertThat(bot.telegram().chat(9006))
                .anySatisfy(
                        m ->
                                assertThat(m.plainText())
                                        .contains(
                                                CATALOG.text("start.ask_consent")
                                                        .substring(0, 20)));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(bot.telegram().calls("answerCallbackQuery")).hasSize(1));
        assertThat(bot.telegram().unansweredCallbacks()).isEmpty();
        bot.telegram().slowdown(Duration.ZERO);
    }

    @Test
    void withoutTheRightSecretNothingHappens() throws Exception {
        String update = bot.telegram().privateTextUpdateJson(9002, "/start");
        assertThat(post(update, null)).isEqualTo(403);
        assertThat(post(update, "wrong")).isEqualTo(403);
        assertThat(post(update, SECRET + "x")).isEqualTo(403);
        assertThat(post("{not json", SECRET)).isEqualTo(400);
        assertThat(bot.telegram().chat(9002)).isEmpty();
    }

    /**
     * Telegram's updates are small: a body over 1 MiB is refused, whether its length is announced
     * or not.
     */
    @Test
    void anOversizedBodyIsRefusedAndAFittingOneStillWorks() throws Exception {
        String padding = " ".repeat(1 << 20);
        String big =
                bot.telegram()
                        .privateTextUpdateJson(9004, "/start")
                        .replaceFirst("\\{", "{" + padding);
        assertThat(post(big, SECRET)).isEqualTo(413);
        HttpRequest chunked =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram"))
                        .header("Content-Type", "application/json")
                        .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                        .POST(
                                HttpRequest.BodyPublishers.ofInputStream(
                                        () ->
                                                new ByteArrayInputStream(
                                                        big.getBytes(
                                                                java.nio.charset.StandardCharsets
                                                                        .UTF_8))))
                        .build();
        assertThat(http.send(chunked, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(413);
        assertThat(bot.telegram().chat(9004)).isEmpty();

        String fitting =
                bot.telegram()
                        .privateTextUpdateJson(9004, "/start")
                        .replaceFirst("\\{", "{" + " ".repeat(1000));
        assertThat(post(fitting, SECRET)).isEqualTo(200);
        assertThat(bot.stored(9004)).isNotNull();
    }

    @Test
    void aRetriedUpdateIsAnsweredFromTheStoreAndRunsOnce() throws Exception {
        TelegramUser anna = user(9003);
        var ask = anna.send("/start", CATALOG.text("start.ask_adult"));
        String yes =
                bot.telegram()
                        .callbackUpdateJson(
                                9003, 9003, ask.messageId(), ask.button("Yes").callbackData());
        assertThat(post(yes, SECRET)).isEqualTo(200);
        await().atMost(TelegramUser.WAIT).until(() -> bot.telegram().chat(9003).size() == 2);
        Session afterYes = bot.stored(9003);
        assertThat(afterYes.adult()).isTrue();

        assertThat(post(yes, SECRET)).isEqualTo(200); // Telegram retries when it missed our 200
        await().atMost(TelegramUser.WAIT).until(() -> bot.telegram().chat(9003).size() == 3);
        assertThat(bot.stored(9003)).as("the turn ran once").isEqualTo(afterYes);
        assertThat(bot.app().telegramCounters().failed())
                .as("answering the press again is no failure")
                .isZero();
        assertThat(bot.telegram().chat(9003).get(2).plainText())
                .as("the stored replies, again")
                .isEqualTo(bot.telegram().chat(9003).get(1).plainText())
                .contains(CATALOG.text("start.ask_consent"));
    }
}
