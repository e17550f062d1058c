package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.PostgresSchema;
import dev.backcoach.storage.TcpProxy;
import dev.backcoach.telegram.fake.FakeBotApi;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Overload in webhook mode: with as many updates in flight as allowed (here one, its database
 * stalled), a further update is refused at once with 503 instead of waiting, and when Telegram
 * delivers it again it is answered; the update in flight still finishes. Nothing is lost.
 */
class WebhookOverloadTest {
    static final String SECRET = "load-Secret_1";
    final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

    @Test
    void anUpdateOverTheLimitIsRefusedAndAnsweredWhenDeliveredAgain() throws Exception {
        DatabaseSettings direct = postgres.settings();
        int webhookPort;
        try (ServerSocket free = new ServerSocket(0)) {
            webhookPort = free.getLocalPort();
        }
        try (TcpProxy proxy = new TcpProxy(postgres.port());
                FakeBotApi telegram = FakeBotApi.start(TelegramHarness.TOKEN).limits(30, 25, 20)) {
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", TelegramHarness.TOKEN);
            env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.port());
            env.put("TELEGRAM_MODE", "webhook");
            env.put("TELEGRAM_WEBHOOK_PORT", Integer.toString(webhookPort));
            env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
            env.put("TELEGRAM_WEBHOOK_MAX_IN_FLIGHT", "1");
            env.put("TELEGRAM_CHAT_RATE", "20");
            env.put("DATABASE_URL", postgres.urlThrough(proxy.port()));
            env.put("DATABASE_USER", direct.user());
            env.put("DATABASE_PASSWORD", direct.password());
            env.put("HTTP_PORT", "0");
            Application app = Apps.start(env);
            try {
                OpsClient ops = new OpsClient(app.httpPort().orElseThrow());
                assertThat(
                                post(
                                        telegram,
                                        webhookPort,
                                        telegram.privateTextUpdateJson(6150, "/start")))
                        .isEqualTo(200);
                var ask = telegram.awaitMessage(6150, m -> m.hasKeyboard(), TelegramUser.WAIT);

                proxy.pause(); // the database stalls with the next turn inside it
                CompletableFuture<Integer> inFlight =
                        CompletableFuture.supplyAsync(
                                () ->
                                        post(
                                                telegram,
                                                webhookPort,
                                                telegram.callbackUpdateJson(
                                                        6150,
                                                        6150,
                                                        ask.messageId(),
                                                        ask.button("Yes").callbackData())));
                await().atMost(TelegramUser.WAIT)
                        .until(
                                () ->
                                        OpsClient.sample(
                                                        ops.get("/metrics").body(),
                                                        "backcoach_turns_in_flight")
                                                == 1);

                String other = telegram.privateTextUpdateJson(6151, "/start");
                assertThat(post(telegram, webhookPort, other))
                        .as("an update over the limit, while the other is stuck")
                        .isEqualTo(503);
                assertThat(inFlight).as("the update in flight is still running").isNotDone();
                assertThat(telegram.chat(6151)).isEmpty();

                proxy.resume();
                assertThat(inFlight.get()).isEqualTo(200);
                assertThat(post(telegram, webhookPort, other))
                        .as("Telegram delivers the refused update again")
                        .isEqualTo(200);
                await().atMost(TelegramUser.WAIT).until(() -> telegram.chat(6151).size() == 1);
                assertThat(telegram.lastIn(6151).plainText())
                        .contains(TelegramHarness.CATALOG.text("start.ask_adult"));
                await().atMost(TelegramUser.WAIT).until(() -> telegram.chat(6150).size() == 2);
                assertThat(telegram.lastIn(6150).plainText())
                        .contains(TelegramHarness.CATALOG.text("start.ask_consent"));
                assertThat(telegram.unansweredCallbacks()).isEmpty();
                telegram.assertNoViolations();
            } finally {
                app.close();
            }
        }
    }

    /**
     * POSTs as Telegram does, and runs a Bot API call returned in the response, as Telegram does
     * too.
     */
    private int post(FakeBotApi telegram, int port, String json) {
        try {
            HttpResponse<String> response =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/telegram"))
                                    .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && !response.body().isEmpty()) {
                String method =
                        new ObjectMapper().readTree(response.body()).path("method").asText();
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                telegram.baseUrl()
                                                        + "/bot"
                                                        + TelegramHarness.TOKEN
                                                        + "/"
                                                        + method))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(response.body()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            return response.statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
