package dev.backcoach.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backcoach.core.service.Readiness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /healthz} (200 while the process runs), {@code /readyz} (200 when every check passes,
 * otherwise 503 naming each failing part and why) and {@code /metrics} (Prometheus text format), on
 * the JDK's HTTP server with threads of its own, so a busy webhook never delays a health check.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService threads;
    private final Metrics metrics;
    private final Map<String, Readiness> checks;

    private OpsServer(
            HttpServer server,
            ExecutorService threads,
            Metrics metrics,
            Map<String, Readiness> checks) {
        this.server = server;
        this.threads = threads;
        this.metrics = metrics;
        this.checks = checks;
    }

    /**
     * Listens on {@code port} (0: any free port, see {@link #port()}) on all interfaces.
     *
     * @param checks what {@code /readyz} asks, by the name it reports, in order
     */
    /**
     * The JDK's server stamps every response with a {@code Date} header; formatting the first one
     * loads the day, month and zone names (20 ms of CPU, the last step before the bot answers
     * {@code /readyz}). Start-up calls this while it waits for slower work, so that step is quick.
     *
     * @return the header's value now, as the server writes it
     */
    public static String prepareDateHeader() {
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US)
                .withZone(ZoneId.of("GMT"))
                .format(Instant.now());
    }

    public static OpsServer start(int port, Metrics metrics, Map<String, Readiness> checks)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
        ExecutorService threads =
                Executors.newFixedThreadPool(
                        2,
                        runnable -> {
                            Thread thread = new Thread(runnable, "http-ops");
                            thread.setDaemon(true);
                            return thread;
                        });
        OpsServer ops = new OpsServer(server, threads, metrics, new LinkedHashMap<>(checks));
        server.setExecutor(threads);
        server.createContext("/", ops::handle);
        server.start();
        log.info("HTTP endpoints /healthz /readyz /metrics on port {}", ops.port());
        return ops;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/healthz" -> send(exchange, 200, "text/plain; charset=utf-8", "ok\n");
                case "/readyz" -> ready(exchange);
                case "/metrics" -> send(exchange, 200, PROMETHEUS_TEXT, metrics.scrape());
                default ->
                        send(
                                exchange,
                                404,
                                "text/plain; charset=utf-8",
                                "not found: try /healthz, /readyz or /metrics\n");
            }
        } catch (RuntimeException e) {
            log.error("HTTP {} failed", exchange.getRequestURI().getPath(), e);
        }
    }

    private void ready(HttpExchange exchange) throws IOException {
        List<String> problems = new ArrayList<>();
        checks.forEach(
                (name, check) -> {
                    Optional<String> problem;
                    try {
                        problem = check.problem();
                    } catch (RuntimeException e) {
                        problem = Optional.of("check failed: " + e.getClass().getSimpleName());
                    }
                    problem.ifPresent(why -> problems.add(name + ": " + why));
                });
        if (problems.isEmpty()) {
            send(exchange, 200, "text/plain; charset=utf-8", "ready\n");
        } else {
            send(
                    exchange,
                    503,
                    "text/plain; charset=utf-8",
                    "not ready: " + String.join("; ", problems) + "\n");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
