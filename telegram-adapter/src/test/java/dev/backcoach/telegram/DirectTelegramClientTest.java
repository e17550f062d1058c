package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcoach.telegram.fake.FakeBotApi;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The calling-thread client answers and fails exactly as the library's own client does, against the
 * strict fake: the same results, the same refusals (error code, description, retry_after), the same
 * failure when Telegram cannot be reached.
 */
class DirectTelegramClientTest {
    private static final String TOKEN = "123:DIRECT";
    private static final long USER = 777;
    private static @Nullable FakeBotApi telegram;

    @BeforeContainer
    static void startFake() {
        telegram = FakeBotApi.start(TOKEN);
        telegram.privateText(USER, "/start"); // the chat exists
    }

    @AfterContainer
    static void stopFake() {
        if (telegram != null) {
            telegram.close();
        }
    }

    private static FakeBotApi fake() {
        if (telegram == null) {
            telegram = FakeBotApi.start(TOKEN);
            telegram.privateText(USER, "/start");
        }
        return telegram;
    }

    /** What a call ended with, comparable across the two clients. */
    record Outcome(String kind, String detail) {
        static Outcome of(OkHttpTelegramClient client, BotApiMethod<?> method) {
            try {
                Object result = client.execute(method);
                String detail =
                        result
                                        instanceof
                                        org.telegram.telegrambots.meta.api.objects.message.Message m
                                ? m.getText() + "|" + m.getChatId()
                                : String.valueOf(result);
                return new Outcome("ok", detail);
            } catch (TelegramApiRequestException e) {
                return new Outcome(
                        "refused",
                        e.getErrorCode()
                                + "|"
                                + e.getApiResponse()
                                + "|"
                                + (e.getParameters() == null
                                        ? null
                                        : e.getParameters().getRetryAfter()));
            } catch (TelegramApiException e) {
                return new Outcome("failed", e.getMessage() + "|" + (e.getCause() != null));
            }
        }
    }

    private static OkHttpTelegramClient library(int port) {
        return new OkHttpTelegramClient(new ObjectMapper(), new OkHttpClient(), TOKEN, url(port));
    }

    private static DirectTelegramClient direct(int port, OkHttpClient http) {
        return new DirectTelegramClient(new ObjectMapper(), http, TOKEN, url(port));
    }

    private static TelegramUrl url(int port) {
        return TelegramUrl.builder()
                .schema("http")
                .host("127.0.0.1")
                .port(port)
                .testServer(false)
                .build();
    }

    @Property(tries = 150)
    void anyTextIsSentOrRefusedAsTheLibrarySendsOrRefusesIt(@ForAll String text) {
        int port = fake().port();
        SendMessage message = SendMessage.builder().chatId(USER).text(text).build();
        Outcome expected = Outcome.of(library(port), message);
        assertThat(Outcome.of(direct(port, new OkHttpClient()), message)).isEqualTo(expected);
    }

    @Test
    void refusalsCarryTheSameCodeDescriptionAndRetryAfter() {
        int port = fake().port();
        var answer = AnswerCallbackQuery.builder().callbackQueryId("no-such-press").build();
        for (OkHttpTelegramClient client :
                List.of(library(port), direct(port, new OkHttpClient()))) {
            fake().failNext("answerCallbackQuery", 1, 429, "Too Many Requests: retry after 3", 3);
            assertThat(Outcome.of(client, answer).detail()).startsWith("429|").endsWith("|3");
            fake().failNext("sendMessage", 1, 403, "Forbidden: bot was blocked by the user", null);
            assertThat(Outcome.of(client, SendMessage.builder().chatId(USER).text("x").build()))
                    .isEqualTo(
                            new Outcome(
                                    "refused", "403|Forbidden: bot was blocked by the user|null"));
        }
    }

    @Test
    void aServerThatCannotBeReachedFailsAsWithTheLibrary() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(Outcome.of(direct(closedPort, new OkHttpClient()), new GetMe()))
                .isEqualTo(Outcome.of(library(closedPort), new GetMe()))
                .isEqualTo(new Outcome("failed", "Unable to execute getme method|true"));
    }

    @Test
    void theCallIsMadeOnTheCallingThread() throws Exception {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        OkHttpClient http =
                new OkHttpClient.Builder()
                        .addInterceptor(
                                chain -> {
                                    threads.add(Thread.currentThread());
                                    return chain.proceed(chain.request());
                                })
                        .build();
        assertThat(direct(fake().port(), http).execute(new GetMe()).getUserName()).isNotBlank();
        assertThat(threads).containsExactly(Thread.currentThread());
    }
}
