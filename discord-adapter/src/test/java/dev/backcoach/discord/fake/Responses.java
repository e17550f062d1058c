package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockResponse;

/** Responses shaped like Discord's, including the {@code Via} header JDA looks for. */
final class Responses {
    private Responses() {}

    static MockResponse error(int status, int code, String message) {
        return json(status, Payloads.object(Map.of("code", code, "message", message)).toString());
    }

    static MockResponse tooManyRequests(double seconds) {
        return tooManyRequests(seconds, "fake-bucket", false);
    }

    /**
     * A 429 as Discord sends it: Retry-After in whole seconds (the header), the exact wait in the
     * body, the bucket and its spent state; a global one says so in {@code X-RateLimit-Global} and
     * the scope.
     */
    static MockResponse tooManyRequests(double seconds, String bucket, boolean global) {
        long whole = (long) Math.ceil(seconds);
        MockResponse.Builder builder =
                new MockResponse.Builder()
                        .code(429)
                        // without Via, JDA takes a 429 for Cloudflare's and pauses every route
                        .setHeader("Via", "1.1 google")
                        .setHeader("X-RateLimit-Bucket", bucket)
                        .setHeader("X-RateLimit-Limit", "1")
                        .setHeader("X-RateLimit-Remaining", "0")
                        .setHeader(
                                "X-RateLimit-Reset-After",
                                String.format(Locale.ROOT, "%.3f", seconds))
                        .setHeader(
                                "X-RateLimit-Reset",
                                String.format(
                                        Locale.ROOT,
                                        "%.3f",
                                        System.currentTimeMillis() / 1000.0 + seconds))
                        .setHeader("Retry-After", Long.toString(whole))
                        .setHeader("X-RateLimit-Scope", global ? "global" : "user")
                        .setHeader("Content-Type", "application/json");
        if (global) {
            builder.setHeader("X-RateLimit-Global", "true");
        }
        return builder.body(
                        Payloads.object(
                                        Map.of(
                                                "message",
                                                "You are being rate limited.",
                                                "retry_after",
                                                seconds,
                                                "global",
                                                global))
                                .toString())
                .build();
    }

    /** {@code response} with its bucket's headers. */
    static MockResponse withBucket(MockResponse response, RateBuckets.Headers bucket) {
        return response.newBuilder()
                .setHeader("X-RateLimit-Bucket", bucket.bucket())
                .setHeader("X-RateLimit-Limit", Integer.toString(bucket.limit()))
                .setHeader("X-RateLimit-Remaining", Integer.toString(bucket.remaining()))
                .setHeader(
                        "X-RateLimit-Reset-After",
                        String.format(Locale.ROOT, "%.3f", bucket.resetAfterMillis() / 1000.0))
                .setHeader(
                        "X-RateLimit-Reset",
                        String.format(
                                Locale.ROOT,
                                "%.3f",
                                (System.currentTimeMillis() + bucket.resetAfterMillis()) / 1000.0))
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
