package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Polling is made ready (the webhook deleted) when the connection opens, before start-up has built
 * the bot, and polls once the bot serves: what users sent meanwhile waits at Telegram, and is
 * answered then, or by the next start.
 */
@SuppressWarnings("try") // the runtimes are closed, not otherwise used
class EarlyPollingTest {
    private static final String TOKEN = "123:EARLY";
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
            Thread.sleep(300);
            assertThat(methodsCalled()).as("no poll without a bot").hasSize(2);
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
        Thread.sleep(300);
        assertThat(methodsCalled()).containsExactly("getMe", "deleteWebhook");
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
