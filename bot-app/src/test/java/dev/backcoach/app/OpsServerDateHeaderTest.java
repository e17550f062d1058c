package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.app.ops.Metrics;
import dev.backcoach.app.ops.OpsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Start-up formats a Date header early so the first response is quick; that only helps while it is
 * formatted the way the JDK's server formats its own.
 */
class OpsServerDateHeaderTest {
    private static final String SHAPE =
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

    @Test
    void thePreparedHeaderReadsLikeTheServersOwn() throws Exception {
        String prepared = OpsServer.prepareDateHeader();
        String served;
        try (Metrics metrics = new Metrics();
                OpsServer ops = OpsServer.start(0, metrics, Map.of())) {
            HttpResponse<Void> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + ops.port()
                                                                    + "/healthz"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
            served = response.headers().firstValue("Date").orElseThrow();
        }
        assertThat(prepared).matches(SHAPE);
        assertThat(served).matches(SHAPE);
        Duration apart =
                Duration.between(
                        ZonedDateTime.parse(prepared, DateTimeFormatter.RFC_1123_DATE_TIME),
                        ZonedDateTime.parse(served, DateTimeFormatter.RFC_1123_DATE_TIME));
        assertThat(apart.abs()).isLessThan(Duration.ofMinutes(1));
    }
}
