package dev.backcoach.telegram.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The fake takes an uploaded photo only as Telegram would: multipart, an image, a short caption.
 */
class FakePhotoTest {
    private static final String TOKEN = "123456:TEST-token_x";
    private static final long USER = 4242;
    private static final OkHttpClient OK_HTTP =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build();

    private FakeBotApi telegram;
    private OkHttpTelegramClient client;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start(TOKEN);
        client = new OkHttpTelegramClient(OK_HTTP, TOKEN, FakeBotApiTest.url(telegram));
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @AfterAll
    static void shutdownOkHttp() {
        OK_HTTP.dispatcher().executorService().shutdown();
        OK_HTTP.connectionPool().evictAll();
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private SendPhoto photo(byte[] bytes, String caption) {
        return SendPhoto.builder()
                .chatId(USER)
                .photo(new InputFile(new ByteArrayInputStream(bytes), "progress.png"))
                .caption(caption)
                .parseMode("HTML")
                .replyMarkup(
                        InlineKeyboardMarkup.builder()
                                .keyboardRow(
                                        new InlineKeyboardRow(
                                                InlineKeyboardButton.builder()
                                                        .text("Log today")
                                                        .callbackData("progress")
                                                        .build()))
                                .build())
                .build();
    }

    @Test
    void aPngWithACaptionAndButtonsArrivesAsOnePhotoMessage() throws Exception {
        byte[] bytes = png(800, 500);

        client.execute(photo(bytes, "Stiffness went from <b>6</b> to 3"));

        assertThat(telegram.chat(USER))
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.kind()).isEqualTo("photo");
                            assertThat(m.plainText()).isEqualTo("Stiffness went from 6 to 3");
                            assertThat(m.buttonLabels()).containsExactly("Log today");
                        });
        FakeBotApi.Call call = telegram.calls("sendPhoto").get(0);
        assertThat(call.params().get("photo"))
                .isInstanceOfSatisfying(
                        FakeBotApi.UploadedFile.class, f -> assertThat(f.bytes()).isEqualTo(bytes));
        telegram.assertNoViolations();
    }

    @Test
    void bytesThatAreNoImageAreRefusedAsTelegramDoes() {
        TelegramApiRequestException refused =
                catchThrowableOfType(
                        TelegramApiRequestException.class,
                        () ->
                                client.execute(
                                        photo(
                                                "not a png".getBytes(StandardCharsets.UTF_8),
                                                "chart")));

        assertThat(refused.getErrorCode()).isEqualTo(400);
        assertThat(refused.getApiResponse()).contains("IMAGE_PROCESS_FAILED");
        assertThat(telegram.chat(USER)).isEmpty();
        assertThat(telegram.violations()).anyMatch(v -> v.contains("not a decodable image"));
    }

    @Test
    void aCaptionOver1024CharactersIsRefused() {
        TelegramApiRequestException refused =
                catchThrowableOfType(
                        TelegramApiRequestException.class,
                        () -> client.execute(photo(png(800, 500), "a".repeat(1_025))));

        assertThat(refused.getApiResponse()).contains("caption is too long");
        assertThat(telegram.chat(USER)).isEmpty();
    }

    @Test
    void aPhotoOfImpossibleProportionsIsRefused() {
        TelegramApiRequestException refused =
                catchThrowableOfType(
                        TelegramApiRequestException.class,
                        () -> client.execute(photo(png(2_100, 100), "thin")));

        assertThat(refused.getApiResponse()).contains("PHOTO_INVALID_DIMENSIONS");
    }

    @Test
    void aMultipartBodyWithoutItsBoundaryIsAViolation() throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        telegram.baseUrl()
                                                                + "/bot"
                                                                + TOKEN
                                                                + "/sendPhoto"))
                                        .header("Content-Type", "multipart/form-data")
                                        .POST(
                                                HttpRequest.BodyPublishers.ofString(
                                                        "chat_id=4242&photo=x"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(telegram.violations()).anyMatch(v -> v.contains("without a boundary"));
        assertThat(telegram.chat(USER)).isEmpty();
    }
}
