package dev.backcoach.faults.outage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcoach.telegram.fake.FakeBotApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Telegram's side of a webhook: POSTs an update with the secret header and, like Telegram, sends it
 * again while the answer is not 200 (here every 250 ms, for at most {@code patience}). A call the
 * bot returns in the 200's body is run against the fake, as Telegram runs it.
 */
public final class Redelivery implements ChatUser.Delivery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI webhook;
    private final String secret;
    private final FakeBotApi telegram;
    private final Duration patience;
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();

    public Redelivery(int port, String secret, FakeBotApi telegram, Duration patience) {
        this.webhook = URI.create("http://127.0.0.1:" + port + "/telegram");
        this.secret = secret;
        this.telegram = telegram;
        this.patience = patience;
    }

    /** Delivers until 200; returns the last status (200, or what it got when patience ran out). */
    @Override
    public int deliver(String updateJson) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int status = post(updateJson);
        while (status != 200 && System.nanoTime() < deadline) {
            resent.incrementAndGet();
            Thread.sleep(250);
            status = post(updateJson);
        }
        return status;
    }

    /** One POST, no retry: the status, or -1 when the connection failed. */
    public int post(String updateJson) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response =
                    http.send(
                            HttpRequest.newBuilder(webhook)
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .header("X-Telegram-Bot-Api-Secret-Token", secret)
                                    .POST(HttpRequest.BodyPublishers.ofString(updateJson))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return -1;
        }
        if (response.statusCode() >= 500) {
            serverErrors.incrementAndGet();
        }
        if (response.statusCode() == 200 && !response.body().isEmpty()) {
            runInline(response.body());
        }
        return response.statusCode();
    }

    private void runInline(String call) throws InterruptedException {
        try {
            JsonNode node = JSON.readTree(call);
            http.send(
                    HttpRequest.newBuilder(
                                    URI.create(
                                            telegram.baseUrl()
                                                    + "/bot"
                                                    + telegram.token()
                                                    + "/"
                                                    + node.path("method").asText()))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(call))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("the fake Bot API did not answer", e);
        }
    }

    /** Updates sent again because the first answer was not 200. */
    public long resent() {
        return resent.get();
    }

    /** Answers of 500 or more. */
    public long serverErrors() {
        return serverErrors.get();
    }
}
