package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.EffectHandler;
import dev.backcoach.core.service.InMemoryStateStore;
import dev.backcoach.telegram.fake.FakeBotApi;
import dev.backcoach.telegram.fake.SentMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The receivers are made when the connection opens, before start-up has built the bot. Polling
 * deletes the webhook then and polls once the bot serves: what users sent meanwhile waits at
 * Telegram, and is answered then, or by the next start. The webhook listens then: an update that
 * arrives holds its request until the bot serves, or gets a 503 (Telegram sends it again) when
 * start-up fails.
 */
@SuppressWarnings("try") // the runtimes are closed, not otherwise used
class EarlyReceiversTest {
    private static final String TOKEN = "123:EARLY";
    private static final String SECRET = "early-secret";
    private static final long USER = 4242;
    private static final Catalog CATALOG = CatalogLoader.load("en");

    private FakeBotApi telegram;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start(TOKEN);
    }

    @AfterEach
    void stop() {
        try {
            telegram.assertNoViolations();
        } finally {
            telegram.close();
        }
    }

    @Test
    void whatUsersSendBeforeTheBotIsBuiltWaitsAndIsAnsweredOnceItServes() throws Exception {
        telegram.privateText(USER, "/start");
        TelegramConnection connection = TelegramConnection.open(settings());
        try {
            assertThat(methodsCalled()).containsExactly("getMe", "deleteWebhook");
            holds(() -> assertThat(methodsCalled()).as("no poll without a bot").hasSize(2));
            assertThat(telegram.pendingUpdates()).isEqualTo(1);
            try (TelegramRuntime runtime = startBot(connection)) {
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(
                                () ->
                                        assertThat(telegram.chat(USER))
                                                .extracting(SentMessage::plainText)
                                                .anyMatch(
                                                        t ->
                                                                t.contains(
                                                                        CATALOG.text(
                                                                                "start.ask_adult"))));
                await().atMost(Duration.ofSeconds(10)).until(() -> telegram.pendingUpdates() == 0);
            }
        } finally {
            connection.close();
        }
    }

    @Test
    void stoppingBeforeTheBotIsBuiltLeavesTheUpdatesForTheNextStart() throws Exception {
        telegram.privateText(USER, "/start");
        TelegramConnection failed = TelegramConnection.open(settings());
        failed.close(); // as when start-up fails elsewhere (see Application)
        holds(() -> assertThat(methodsCalled()).containsExactly("getMe", "deleteWebhook"));
        assertThat(telegram.pendingUpdates()).isEqualTo(1);

        TelegramConnection next = TelegramConnection.open(settings());
        try (TelegramRuntime runtime = startBot(next)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.chat(USER).isEmpty());
            assertThat(methodsCalled()).containsSubsequence("deleteWebhook", "getUpdates");
            assertThat(telegram.chat(USER)).hasSize(1);
            assertThat(telegram.chat(USER).get(0).plainText())
                    .contains(CATALOG.text("start.ask_adult"));
        } finally {
            next.close();
        }
    }

    private TelegramSettings settings() {
        return TelegramSettings.fromEnvironment(
                        Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", telegram.baseUrl()))
                .orElseThrow();
    }

    private TelegramSettings webhookSettings(int port) {
        return WebhookTestSettings.of(TOKEN, telegram.baseUrl(), port, SECRET);
    }

    @Test
    void anUpdateThatReachesTheWebhookBeforeTheBotIsBuiltIsAnsweredOnceItServes() throws Exception {
        int port = WebhookTestSettings.freePort();
        TelegramConnection connection = TelegramConnection.open(webhookSettings(port));
        try {
            CompletableFuture<HttpResponse<String>> early = post(port, "/start");
            holds(() -> assertThat(early).as("held until the bot serves").isNotDone());
            try (TelegramRuntime runtime = startBot(connection)) {
                HttpResponse<String> response = early.get(10, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body())
                        .containsIgnoringCase("\"method\":\"sendMessage\"")
                        .contains("\"chat_id\":\"" + USER + "\"");
            }
        } finally {
            connection.close();
        }
    }

    @Test
    void aStartUpThatFailsAnswersTheWaitingUpdate503SoThatTelegramSendsItAgain() throws Exception {
        int port = WebhookTestSettings.freePort();
        TelegramConnection failed = TelegramConnection.open(webhookSettings(port));
        CompletableFuture<HttpResponse<String>> early = post(port, "/start");
        holds(() -> assertThat(early).as("held while there is no bot").isNotDone());
        failed.close(); // as when start-up fails elsewhere (see Application)
        try {
            assertThat(early.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
        } catch (java.util.concurrent.ExecutionException e) {
            // or the connection went with the server: Telegram sends the update again either way
            assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
        }
        assertThat(telegram.chat(USER)).isEmpty();
    }

    @Test
    void aTakenWebhookPortIsNamedInTheError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> TelegramConnection.open(webhookSettings(taken.getLocalPort())))
                    .isInstanceOf(java.io.IOException.class)
                    .hasMessageStartingWith(
                            "TELEGRAM_WEBHOOK_PORT " + taken.getLocalPort() + " is taken");
        }
    }

    private CompletableFuture<HttpResponse<String>> post(int port, String text) {
        return HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram"))
                                .header("Content-Type", "application/json")
                                .header(WebhookReceiver.SECRET_HEADER, SECRET)
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                telegram.privateTextUpdateJson(USER, text)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The assertion holds throughout 300 ms (what must not happen has had time to). */
    private static void holds(org.awaitility.core.ThrowingRunnable assertion) {
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .untilAsserted(assertion);
    }

    private List<String> methodsCalled() {
        return telegram.calls().stream().map(FakeBotApi.Call::method).toList();
    }

    private static TelegramRuntime startBot(TelegramConnection connection) throws Exception {
        var service =
                new ConversationService(
                        CATALOG,
                        new InMemoryStateStore(),
                        Clock.systemUTC(),
                        EffectHandler.NONE,
                        CacheSettings.DEFAULT);
        return TelegramRuntime.start(
                connection,
                service,
                Catalogs.of(CATALOG),
                Charts.textOnly(CATALOG.text("chart.failed")));
    }
}
