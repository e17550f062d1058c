package dev.backcoach.bench.telegram;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fast local stand-in for the Telegram Bot API, for the webhook load benchmark ({@code
 * scripts/bench-telegram-webhook.sh}). It answers {@code POST /bot<token>/<method>} on 127.0.0.1 as
 * cheaply as it can: {@code getMe} with the bot {@code bench_bot}, {@code sendMessage} with a
 * message in the request's chat, {@code getUpdates} with no updates after 0.2 s, anything else
 * ({@code setMyCommands}, {@code editMessageText}, {@code answerCallbackQuery}, ...) with {@code
 * true}. It validates nothing; the strict fake lives in the telegram-adapter tests.
 *
 * <p>Calls are counted per method (lower-case, as the client sends them). The counts go to stdout
 * every 5 s and once more at exit (SIGTERM included), as one line: {@code stub-counts total=N
 * getme=1 sendmessage=N ...}. {@code GET /stats} answers the same line, so a script can read the
 * final numbers before stopping the stub.
 *
 * <p>Run: {@code java -cp bot-bench/target/benchmarks.jar
 * dev.backcoach.bench.telegram.FastBotApiStub PORT [THREADS]}
 */
public final class FastBotApiStub {
    private static final byte[] ME =
            json(
                    "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"B\","
                            + "\"username\":\"bench_bot\"}}");
    private static final byte[] TRUE = json("{\"ok\":true,\"result\":true}");
    private static final byte[] CHAT_ID = json("\"chat_id\":");
    private static final byte[] NO_UPDATES = json("{\"ok\":true,\"result\":[]}");

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    /** sendMessage calls per chat, to find duplicates and losses in a fan-out. */
    private final Map<String, LongAdder> perChat = new ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicLong firstMessageNanos =
            new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastMessageNanos;
    private final LongAdder total = new LongAdder();
    private final AtomicInteger messageIds = new AtomicInteger();
    private final long date = System.currentTimeMillis() / 1000;
    private final HttpServer server;
    private final ExecutorService workers;

    public FastBotApiStub(int port, int threads) throws IOException {
        // The JDK server writes a response's headers and body separately; without TCP_NODELAY the
        // body waits for the client's delayed ACK (~40 ms on Linux) and every call takes that long.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server =
                HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        workers =
                Executors.newFixedThreadPool(
                        threads,
                        runnable -> {
                            Thread thread = new Thread(runnable, "stub-worker");
                            thread.setDaemon(true);
                            return thread;
                        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.createContext("/stats", this::stats);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FastBotApiStub PORT [THREADS]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        FastBotApiStub stub = new FastBotApiStub(port, threads);
        stub.start();
        System.out.println(
                "stub listening on 127.0.0.1:" + stub.port() + " with " + threads + " threads");
        ScheduledExecutorService reporter =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "stub-report");
                            thread.setDaemon(true);
                            return thread;
                        });
        var unused =
                reporter.scheduleAtFixedRate(
                        () -> System.out.println(stub.countsLine()), 5, 5, TimeUnit.SECONDS);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stub.stop();
                                    System.out.println(stub.countsLine() + " (final)");
                                    System.out.flush();
                                },
                                "stub-exit"));
        Thread.currentThread().join(); // until SIGTERM/SIGINT
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        workers.shutdownNow();
    }

    /** The count of one method (lower-case, e.g. {@code sendmessage}). */
    public long count(String method) {
        LongAdder adder = calls.get(method.toLowerCase(Locale.ROOT));
        return adder == null ? 0 : adder.sum();
    }

    /**
     * {@code stub-counts total=N method=N ... chats=N repeated=N span_ms=N}: methods in
     * alphabetical order; chats that got a message, chats that got more than one, and the time from
     * the first message to the last.
     */
    public String countsLine() {
        StringBuilder line = new StringBuilder("stub-counts total=").append(total.sum());
        new TreeMap<>(calls)
                .forEach(
                        (method, count) ->
                                line.append(' ').append(method).append('=').append(count.sum()));
        long repeated = perChat.values().stream().filter(c -> c.sum() > 1).count();
        long first = firstMessageNanos.get();
        long span = first == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(lastMessageNanos - first);
        line.append(" chats=")
                .append(perChat.size())
                .append(" repeated=")
                .append(repeated)
                .append(" span_ms=")
                .append(span);
        return line.toString();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes(); // drain it, so the connection can be kept alive
            }
            String path = exchange.getRequestURI().getRawPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            calls.computeIfAbsent(method, m -> new LongAdder()).increment();
            total.increment();
            byte[] answer =
                    switch (method) {
                        case "getme" -> ME;
                        case "sendmessage" -> {
                            long now = System.nanoTime();
                            firstMessageNanos.compareAndSet(0, now);
                            lastMessageNanos = now;
                            perChat.computeIfAbsent(chatId(body), c -> new LongAdder()).increment();
                            yield message(body);
                        }
                        case "getupdates" -> {
                            pause(); // a short long poll with nothing new, as an idle bot sees
                            yield NO_UPDATES;
                        }
                        default -> TRUE; // setmycommands, editmessagetext, answercallbackquery, ...
                    };
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = (countsLine() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    /**
     * A sent message in the request's chat; the text is not echoed (nobody reads it). The date must
     * not be 0: telegrambots reads a message dated 0 as an inaccessible one and fails the call.
     */
    private byte[] message(byte[] request) {
        String chat = chatId(request);
        return json(
                "{\"ok\":true,\"result\":{\"message_id\":"
                        + messageIds.incrementAndGet()
                        + ",\"date\":"
                        + date
                        + ",\"chat\":{\"id\":"
                        + chat
                        + ",\"type\":\"private\"},\"text\":\"x\"}}");
    }

    /**
     * The digits of {@code "chat_id":"123"} or {@code "chat_id":123}, found without parsing the
     * JSON.
     */
    static String chatId(byte[] request) {
        int at = indexOf(request, CHAT_ID);
        if (at < 0) {
            return "0";
        }
        int i = at + CHAT_ID.length;
        while (i < request.length && (request[i] == ' ' || request[i] == '"')) {
            i++;
        }
        int start = i;
        while (i < request.length
                && (request[i] == '-' || (request[i] >= '0' && request[i] <= '9'))) {
            i++;
        }
        return i > start ? new String(request, start, i - start, StandardCharsets.US_ASCII) : "0";
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
