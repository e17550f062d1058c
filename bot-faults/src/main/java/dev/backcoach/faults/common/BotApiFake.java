package dev.backcoach.faults.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Telegram Bot API for the fault suite, on 127.0.0.1. It keeps what a real one keeps across
 * the bot's crashes: in polling mode every update not yet confirmed by a later {@code getUpdates}
 * offset is handed out again; in webhook mode {@link WebhookDelivery} posts until a 200. Everything
 * the bot shows a user is passed to the {@link Listener}; unknown methods are answered {@code
 * true}.
 */
public final class BotApiFake implements AutoCloseable {
    /** What the suite's users see. */
    public interface Listener {
        /** A message sent, edited, or a note over the chat after a press. */
        void shown(Shown shown);

        /** Telegram would not send this update again: answered 200, or passed by an offset. */
        void confirmed(long updateId);
    }

    public static final String USERNAME = "fault_bot";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MULTIPART_CHAT =
            Pattern.compile("name=\"chat_id\"\\r\\n(?:[^\\r\\n]*\\r\\n)*\\r\\n(-?\\d+)");

    private final HttpServer server;
    private final ExecutorService threads;
    private final Listener listener;
    private final AtomicLong messageIds = new AtomicLong(1_000);
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    /** Polling: updates not yet confirmed, by id. Guarded by itself. */
    private final TreeMap<Long, byte[]> unconfirmed = new TreeMap<>();

    public BotApiFake(Listener listener) throws IOException {
        this.listener = listener;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        // Long polls hold a thread each, and a killed bot leaves its poll waiting: no fixed pool.
        this.threads = Executors.newCachedThreadPool(Daemons.named("fake-bot-api"));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL the bot takes as TELEGRAM_API_URL. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Calls so far, by method. */
    public long calls(String method) {
        LongAdder adder = calls.get(method);
        return adder == null ? 0 : adder.sum();
    }

    /** Polling: queues an update until a getUpdates offset passes it. */
    public void enqueue(long updateId, byte[] update) {
        synchronized (unconfirmed) {
            unconfirmed.put(updateId, update);
            unconfirmed.notifyAll();
        }
    }

    /** Webhook: a method call the bot returned as its webhook response, run as Telegram would. */
    void inline(byte[] body) throws IOException {
        JsonNode call = JSON.readTree(body);
        String method = call.path("method").asText("").toLowerCase(Locale.ROOT);
        calls.computeIfAbsent(method + "(inline)", m -> new LongAdder()).increment();
        answer(method, call);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            calls.computeIfAbsent(method, m -> new LongAdder()).increment();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] answer;
            if (type != null && type.startsWith("multipart/")) {
                answer = file(method, new String(body, StandardCharsets.ISO_8859_1));
            } else {
                answer = answer(method, params(type, body, exchange.getRequestURI().getRawQuery()));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException | RuntimeException e) {
            // the bot was killed mid-call, or sent something unreadable: it finds out on its side
        }
    }

    private byte[] answer(String method, JsonNode params) throws IOException {
        return switch (method) {
            case "getme" ->
                    ok(
                            "{\"id\":1,\"is_bot\":true,\"first_name\":\"Fault\",\"username\":\""
                                    + USERNAME
                                    + "\"}");
            case "getupdates" -> updates(params);
            case "sendmessage" -> {
                long id = messageIds.incrementAndGet();
                show("sendmessage", params, id);
                yield ok(message(params.path("chat_id").asLong(), id));
            }
            case "editmessagetext" -> {
                long id = params.path("message_id").asLong();
                show("editmessagetext", params, id);
                yield ok(message(params.path("chat_id").asLong(), id));
            }
            case "answercallbackquery" -> {
                String note = params.path("text").asText("");
                if (!note.isEmpty()) {
                    long chat =
                            Long.parseLong(
                                    params.path("callback_query_id")
                                            .asText("0:0")
                                            .split(":", -1)[0]);
                    listener.shown(new Shown(chat, 0, "answercallbackquery", note, List.of()));
                }
                yield ok("true");
            }
            default -> ok("true");
        };
    }

    /** sendPhoto, sendDocument: multipart, only the chat matters. */
    private byte[] file(String method, String body) {
        Matcher chat = MULTIPART_CHAT.matcher(body);
        long chatId = chat.find() ? Long.parseLong(chat.group(1)) : 0;
        long id = messageIds.incrementAndGet();
        listener.shown(new Shown(chatId, id, method, "[" + method + "]", List.of()));
        return ok(message(chatId, id));
    }

    private void show(String method, JsonNode params, long messageId) throws IOException {
        List<Shown.Button> buttons = new ArrayList<>();
        JsonNode markup = params.path("reply_markup");
        if (markup.isTextual()) {
            markup = JSON.readTree(markup.asText());
        }
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                buttons.add(
                        new Shown.Button(
                                button.path("text").asText(""),
                                button.path("callback_data").asText("")));
            }
        }
        listener.shown(
                new Shown(
                        params.path("chat_id").asLong(),
                        messageId,
                        method,
                        params.path("text").asText(""),
                        List.copyOf(buttons)));
    }

    /** getUpdates: confirms everything below the offset, then long-polls for the rest. */
    private byte[] updates(JsonNode params) throws IOException {
        long offset = params.path("offset").asLong(0);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        long waitMillis = Math.min(10_000, params.path("timeout").asLong(0) * 1000);
        long deadline = System.currentTimeMillis() + waitMillis;
        List<Long> confirmed = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("{\"ok\":true,\"result\":[".getBytes(StandardCharsets.UTF_8));
        synchronized (unconfirmed) {
            if (offset > 0) {
                Iterator<Long> ids = unconfirmed.headMap(offset).keySet().iterator();
                while (ids.hasNext()) {
                    confirmed.add(ids.next());
                    ids.remove();
                }
            }
            long left;
            while (unconfirmed.isEmpty() && (left = deadline - System.currentTimeMillis()) > 0) {
                try {
                    unconfirmed.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            int n = 0;
            for (byte[] update : unconfirmed.values()) {
                if (n++ == limit) {
                    break;
                }
                if (n > 1) {
                    out.write(',');
                }
                out.write(update);
            }
        }
        confirmed.forEach(listener::confirmed);
        out.write("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static JsonNode params(String type, byte[] body, String query) throws IOException {
        if (type != null && type.startsWith("application/json") && body.length > 0) {
            return JSON.readTree(body);
        }
        ObjectNode form = JSON.createObjectNode();
        String raw = body.length > 0 ? new String(body, StandardCharsets.UTF_8) : query;
        if (raw != null) {
            for (String pair : raw.split("&", -1)) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    form.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return form;
    }

    private static String message(long chatId, long messageId) {
        return "{\"message_id\":"
                + messageId
                + ",\"date\":"
                + System.currentTimeMillis() / 1000
                + ",\"chat\":{\"id\":"
                + chatId
                + ",\"type\":\"private\"},\"text\":\"x\"}";
    }

    private static byte[] ok(String result) {
        return ("{\"ok\":true,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
