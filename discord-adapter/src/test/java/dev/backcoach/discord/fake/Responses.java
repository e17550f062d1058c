package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import mockwebserver3.MockResponse;

/** Responses shaped like Discord's, including the {@code Via} header JDA looks for. */
final class Responses {
    private Responses() {}

    static MockResponse error(int status, int code, String message) {
        return json(status, Payloads.object(Map.of("code", code, "message", message)).toString());
    }

    static MockResponse tooManyRequests(double seconds) {
        return new MockResponse.Builder()
                .code(429)
                .setHeader(
                        "Via",
                        "1.1 google") // without it JDA takes a 429 for Cloudflare's and pauses
                // every route
                .setHeader("X-RateLimit-Bucket", "fake-bucket")
                .setHeader("Retry-After", Integer.toString((int) Math.ceil(seconds)))
                .setHeader("X-RateLimit-Scope", "user")
                .setHeader("Content-Type", "application/json")
                .body(
                        Payloads.object(
                                        Map.of(
                                                "message",
                                                "You are being rate limited.",
                                                "retry_after",
                                                seconds,
                                                "global",
                                                false))
                                .toString())
                .build();
    }

    static MockResponse ok(JsonNode body) {
        return json(200, body.toString());
    }

    static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .setHeader("Via", "1.1 google")
                .body(body)
                .build();
    }
}
