package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.telegram.fake.FakeBotApi;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body over 1 MiB is refused with 413, and the sender gets that answer every time: the server
 * resets a connection it closes with unread bytes, which can arrive before the answer does. The
 * refusal comes before the bot is needed, so no bot is built here.
 */
class OversizedWebhookBodyTest {
    private static final String TOKEN = "123:LARGE";
    private static final String SECRET = "large-secret";
    private static final int REPEATS = 30;

    private FakeBotApi telegram;
    private TelegramConnection connection;
    private int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        telegram = FakeBotApi.start(TOKEN);
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        connection =
                TelegramConnection.open(
                        TelegramSettings.fromEnvironment(
                                        Map.of(
                                                "TELEGRAM_BOT_TOKEN",
                                                TOKEN,
                                                "TELEGRAM_API_URL",
                                                telegram.baseUrl(),
                                                "TELEGRAM_MODE",
                                                "webhook",
                                                "TELEGRAM_WEBHOOK_PORT",
                                                Integer.toString(port),
                                                "TELEGRAM_WEBHOOK_SECRET",
                                                SECRET))
                                .orElseThrow());
    }

    @AfterEach
    void stop() {
        try {
            connection.close();
            telegram.assertNoViolations();
        } finally {
            telegram.close();
        }
    }

    @Test
    void aBodyWhoseAnnouncedLengthIsTooLargeIsAnswered413EveryTime() throws Exception {
        for (int i = 0; i < REPEATS; i++) {
            byte[] body = oversized(RequestBody.MAX_BODY + 1 + i * 4096);
            HttpResponse<Void> response =
                    http.send(
                            request(HttpRequest.BodyPublishers.ofByteArray(body)),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as("attempt %d", i).isEqualTo(413);
        }
    }

    @Test
    void aChunkedBodyThatGrowsTooLargeIsAnswered413EveryTime() throws Exception {
        for (int i = 0; i < REPEATS; i++) {
            byte[] body = oversized(RequestBody.MAX_BODY + 1 + i * 65_536);
            HttpResponse<Void> response =
                    http.send(
                            request(
                                    HttpRequest.BodyPublishers.ofInputStream(
                                            () -> new ByteArrayInputStream(body))),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).as("attempt %d", i).isEqualTo(413);
        }
    }

    private HttpRequest request(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram"))
                .header("Content-Type", "application/json")
                .header(WebhookReceiver.SECRET_HEADER, SECRET)
                .POST(body)
                .build();
    }

    /** An update padded with spaces to {@code size} bytes. */
    private byte[] oversized(int size) {
        String update = telegram.privateTextUpdateJson(7, "/start");
        return ("{" + " ".repeat(size - update.length()) + update.substring(1))
                .getBytes(StandardCharsets.UTF_8);
    }
}
