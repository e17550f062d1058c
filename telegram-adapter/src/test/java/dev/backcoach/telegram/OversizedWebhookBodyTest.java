package dev.backcoach.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.telegram.fake.FakeBotApi;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
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
        port = WebhookTestSettings.freePort();
        connection =
                TelegramConnection.open(
                        WebhookTestSettings.of(TOKEN, telegram.baseUrl(), port, SECRET));
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
        refusedEveryTime(4096, HttpRequest.BodyPublishers::ofByteArray);
    }

    @Test
    void aChunkedBodyThatGrowsTooLargeIsAnswered413EveryTime() throws Exception {
        refusedEveryTime(
                65_536,
                body ->
                        HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(body)));
    }

    /** Bodies from just over the limit, {@code step} bytes larger each time, sent as given. */
    private void refusedEveryTime(int step, Function<byte[], HttpRequest.BodyPublisher> sent)
            throws Exception {
        for (int i = 0; i < REPEATS; i++) {
            byte[] body = oversized(RequestBody.MAX_BODY + 1 + i * step);
            HttpResponse<Void> response =
                    http.send(request(sent.apply(body)), HttpResponse.BodyHandlers.discarding());
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
