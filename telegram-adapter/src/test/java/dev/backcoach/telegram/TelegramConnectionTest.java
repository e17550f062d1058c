package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.telegram.fake.FakeBotApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** The Bot API client: who the bot is, and connections kept for the next burst of sends. */
class TelegramConnectionTest {

    @Test
    void aBurstOfCallsLeavesItsConnectionsOpenForTheNextOne() throws Exception {
        try (FakeBotApi telegram = FakeBotApi.start("123:TEST")) {
            TelegramConnection connection =
                    TelegramConnection.open(
                            TelegramSettings.fromEnvironment(
                                            Map.of(
                                                    "TELEGRAM_BOT_TOKEN", telegram.token(),
                                                    "TELEGRAM_API_URL", telegram.baseUrl()))
                                    .orElseThrow());
            try {
                assertThat(connection.username()).isNotBlank();
                telegram.slowdown(Duration.ofMillis(300)); // all 20 are under way at once
                List<CompletableFuture<?>> burst =
                        IntStream.range(0, 20)
                                .<CompletableFuture<?>>mapToObj(i -> getMe(connection))
                                .toList();
                CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new))
                        .get(30, TimeUnit.SECONDS);
                // OkHttp's default keeps 5 and closes the rest: the next burst would open them
                // again, over HTTPS with a handshake each.
                assertThat(connection.http().connectionPool().idleConnectionCount())
                        .isGreaterThanOrEqualTo(20);
            } finally {
                connection.close();
            }
        }
    }

    private static CompletableFuture<?> getMe(TelegramConnection connection) {
        try {
            return connection.client().executeAsync(new GetMe());
        } catch (TelegramApiException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
