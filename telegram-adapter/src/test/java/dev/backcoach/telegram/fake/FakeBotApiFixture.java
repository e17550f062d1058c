package dev.backcoach.telegram.fake;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * A fresh fake per test, with the real telegrambots client pointed at it, and the small helpers the
 * FakeBotApi*Test classes share.
 */
abstract class FakeBotApiFixture {

    static final String TOKEN = "123456:TEST-token_x";
    static final long USER = 4242;
    static final HttpClient RAW = HttpClient.newHttpClient();

    // One OkHttp client per test: a static one shut down by one test class would be gone for the
    // next.
    final OkHttpClient okHttp =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();
    FakeBotApi telegram;
    OkHttpTelegramClient client;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start(TOKEN);
        client = new OkHttpTelegramClient(okHttp, TOKEN, url(telegram));
    }

    @AfterEach
    void stop() {
        telegram.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    static TelegramUrl url(FakeBotApi fake) {
        return TelegramUrl.builder()
                .schema("http")
                .host("127.0.0.1")
                .port(fake.port())
                .testServer(false)
                .build();
    }

    static InlineKeyboardMarkup keyboard(InlineKeyboardButton... buttons) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(buttons)).build();
    }

    static InlineKeyboardButton data(String text, String data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data).build();
    }

    HttpResponse<String> postJson(String method, String body) throws Exception {
        return RAW.send(
                HttpRequest.newBuilder(
                                URI.create(telegram.baseUrl() + "/bot" + TOKEN + "/" + method))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static TelegramApiRequestException rejected(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(TelegramApiRequestException.class, call);
    }
}
