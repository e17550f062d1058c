package dev.backcoach.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The training run behind the class data sharing archive (built at package time, see bot-app's pom
 * and the Dockerfile): starts the bot once in each mode, on a throw-away SQLite file and a canned
 * Bot API on loopback, and plays a few turns, so that the JVM records the classes each mode loads.
 * Nothing leaves the machine.
 *
 * <p>Run: {@code java -XX:ArchiveClassesAtExit=backcoach.jsa -cp backcoach.jar
 * dev.backcoach.app.Training}
 */
public final class Training {
    private static final String TOKEN = "123456:training";
    private static final String SECRET = "training";

    private Training() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("LOG_LEVEL", "ERROR");
        System.setProperty("LOG_FORMAT", "text");
        Path folder = Files.createTempDirectory("backcoach-training");
        HttpServer api = cannedBotApi();
        try {
            String url = "jdbc:sqlite:" + folder.resolve("training.db");
            console(url);
            webhook(url, "http://127.0.0.1:" + api.getAddress().getPort());
            polling(url, "http://127.0.0.1:" + api.getAddress().getPort());
        } finally {
            api.stop(0);
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(folder);
        }
        System.exit(0); // past the threads the libraries leave behind; the archive is written now
    }

    private static void console(String database) throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", database, "HTTP_PORT", "0");
        String typed = "/help\nhello there\n1\n1\n/settings\n/menu\n";
        try (Application app =
                new Application(
                        AppConfig.fromEnvironment(env),
                        new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(
                                OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))) {
            app.run();
        }
    }

    private static void webhook(String database, String api) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> env = telegram(database, api);
        env.put("TELEGRAM_MODE", "webhook");
        env.put("TELEGRAM_WEBHOOK_PORT", Integer.toString(port));
        env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        Application app = platforms(env);
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI hook = URI.create("http://127.0.0.1:" + port + "/telegram");
            for (int i = 1; i <= 30; i++) {
                String chat = Long.toString(7_000_000_000L + i % 3);
                String update =
                        switch (i % 3) {
                            case 0 -> message(i, chat, "/help", true);
                            case 1 -> message(i, chat, "hello there", false);
                            default -> press(i, chat, "9999.gone");
                        };
                http.send(
                        HttpRequest.newBuilder(hook)
                                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                                .POST(HttpRequest.BodyPublishers.ofString(update))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            app.close();
        }
    }

    private static void polling(String database, String api) throws Exception {
        Map<String, String> env = telegram(database, api);
        env.put("TELEGRAM_MODE", "polling");
        Application app = platforms(env);
        try {
            Thread.sleep(500); // a few polls, answered with no updates
        } finally {
            app.close();
        }
    }

    /** The bot serving a platform, with nothing to read on standard input. */
    private static Application platforms(Map<String, String> env) throws Exception {
        return new Application(
                AppConfig.fromEnvironment(env),
                InputStream.nullInputStream(),
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static Map<String, String> telegram(String database, String api) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", database);
        env.put("HTTP_PORT", "0");
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("TELEGRAM_API_URL", api);
        return env;
    }

    private static String message(int id, String chat, String text, boolean command) {
        return "{\"update_id\":"
                + id
                + ",\"message\":{\"message_id\":"
                + id
                + ",\"from\":{\"id\":"
                + chat
                + ",\"is_bot\":false,\"first_name\":\"T\"},\"chat\":{\"id\":"
                + chat
                + ",\"type\":\"private\"},\"date\":1700000000,\"text\":\""
                + text
                + "\""
                + (command
                        ? ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":"
                                + text.length()
                                + "}]"
                        : "")
                + "}}";
    }

    private static String press(int id, String chat, String data) {
        return "{\"update_id\":"
                + id
                + ",\"callback_query\":{\"id\":\""
                + id
                + "\",\"from\":{\"id\":"
                + chat
                + ",\"is_bot\":false,\"first_name\":\"T\"},\"message\":{\"message_id\":1,"
                + "\"chat\":{\"id\":"
                + chat
                + ",\"type\":\"private\"},\"date\":1700000000,\"text\":\"x\"},"
                + "\"chat_instance\":\"1\",\"data\":\""
                + data
                + "\"}}";
    }

    /** getMe, sendMessage and getUpdates answered as the Bot API would; anything else: true. */
    private static HttpServer cannedBotApi() throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", Training::answer);
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method =
                    path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
            String result =
                    switch (method) {
                        case "getme" ->
                                "{\"id\":1,\"is_bot\":true,\"first_name\":\"B\",\"username\":\"training_bot\"}";
                        case "sendmessage", "editmessagetext" ->
                                "{\"message_id\":2,\"date\":1700000000,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}";
                        case "getupdates" -> "[]";
                        default -> "true";
                    };
            byte[] body =
                    ("{\"ok\":true,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
