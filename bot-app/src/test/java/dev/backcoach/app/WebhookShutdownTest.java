package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.JdbcStateStore;
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
 * Stopping in webhook mode while a turn is in flight (its database stalled): the stop waits for it,
 * the request still gets its 200 and the turn is committed and answered; a request that arrives
 * during the stop is refused with 503, which Telegram retries later.
 */
class WebhookShutdownTest {
    static final String SECRET = "stop-Secret_1";
    final HttpClient http = HttpClient.newHttpClient();
    @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

    @Test
    void aTurnInFlightFinishesAndNewUpdatesAreRefused() throws Exception {
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
            env.put("TELEGRAM_CHAT_RATE", "20");
            env.put("DATABASE_URL", postgres.urlThrough(proxy.port()));
            env.put("DATABASE_USER", direct.user());
            env.put("DATABASE_PASSWORD", direct.password());
            env.put("HTTP_PORT", "0");
            Application app = Apps.start(env);
            OpsClient ops = new OpsClient(app.httpPort().orElseThrow());
            assertThat(post(telegram, webhookPort, telegram.privateTextUpdateJson(5150, "/start")))
                    .isEqualTo(200);
            var ask = telegram.awaitMessage(5150, m -> m.hasKeyboard(), TelegramUser.WAIT);

            proxy.pause(); // the database stalls with the next turn inside it
            CompletableFuture<Integer> inFlight =
                    CompletableFuture.supplyAsync(
                            () ->
                                    post(
                                            telegram,
                                            webhookPort,
                                            telegram.callbackUpdateJson(
                                                    5150,
                                                    5150,
                                                    ask.messageId(),
                                                    ask.button("Yes").callbackData())));
            await().atMost(TelegramUser.WAIT)
                    .until(
                            () ->
                                    OpsClient.sample(
                                                    ops.get("/metrics").body(),
                                                    "backcoach_turns_in_flight")
                                            == 1);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);
            await().atMost(TelegramUser.WAIT)
                    .until(() -> ops.get("/readyz").body().contains("telegram: stopping"));
            assertThat(post(telegram, webhookPort, telegram.privateTextUpdateJson(5151, "/start")))
                    .as("new work during the stop")
                    .isEqualTo(503);
            assertThat(inFlight).as("the stop waits for the turn in flight").isNotDone();

            proxy.resume();
            assertThat(inFlight.get()).isEqualTo(200);
            stopping.get();
            assertThat(telegram.chat(5150)).hasSize(2);
            assertThat(telegram.lastIn(5150).plainText())
                    .contains(TelegramHarness.CATALOG.text("start.ask_consent"));
            assertThat(telegram.chat(5151)).isEmpty();
            assertThat(telegram.unansweredCallbacks()).isEmpty();
            telegram.assertNoViolations();
            try (Database db = Database.open(direct)) {
                assertThat(
                                new JdbcStateStore(db)
                                        .load(new UserKey(Platform.TELEGRAM, "5150"))
                                        .orElseThrow()
                                        .adult())
                        .as("the turn in flight was committed")
                        .isTrue();
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
