package dev.backcoach.telegram.fake;

import dev.backcoach.telegram.fake.FakeBotApi.Call;
import dev.backcoach.telegram.fake.FakeBotApi.Fault;
import dev.backcoach.telegram.fake.FakeBotApi.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A strict, in-JVM fake of the Telegram Bot API for tests: a real HTTP server on {@code
 * 127.0.0.1:<free port>} that answers like {@code api.telegram.org} and records everything a bot
 * does wrong.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * try (FakeBotApi telegram = FakeBotApi.start("123:TEST")) {
 *   TelegramUrl url = TelegramUrl.builder().schema("http").host("127.0.0.1").port(telegram.port())
 *       .testServer(false).build();
 *   // ... start the bot against url with telegram.token() ...
 *   telegram.privateText(42, "/start");
 *   telegram.awaitCall("sendMessage", c -> "42".equals(c.params().get("chat_id")), Duration.ofSeconds(5));
 *   SentMessage reply = telegram.lastIn(42);
 *   telegram.callback(42, 42, reply.messageId(), reply.button("Yes").callbackData());
 *   ...
 *   telegram.assertNoViolations();
 * }
 * }</pre>
 *
 * <h2>What it checks and does</h2>
 *
 * Every request is checked against the official spec ({@code specs/telegram-bot-api.json} in the
 * test resources, see {@link BotApiSpec}) and Telegram's documented limits, HTML parse mode as
 * Telegram parses it ({@link SpecValidator}, {@link TelegramHtml}); each problem becomes a
 * {@linkplain #violations() violation}, and where Telegram would refuse the request the fake
 * answers with Telegram's error ({@link BotApiRouter}). Methods act as on Telegram ({@link
 * BotApiMethods}): real long polling ({@link UpdateQueue}), messages sent, edited and deleted
 * ({@link MessageStore}), callback queries that must be answered ({@link UserUpdates}). {@link
 * #chat(long)} shows what the user sees. Updates to deliver and faults to inject are set through
 * the methods of {@link FakeBotApiInputs}, what Telegram shows through those of {@link
 * FakeBotApiScreens}.
 *
 * <p>Thread-safe. {@link #close()} stops the server at once; pending long polls return {@code []}.
 */
public final class FakeBotApi extends FakeBotApiScreens implements AutoCloseable {

    /** The bot's user id, as {@code getMe} reports it. */
    public static final long BOT_ID = 777000111L;

    /** The bot's username, as {@code getMe} reports it. */
    public static final String BOT_USERNAME = "backcoach_test_bot";

    /** The bot's first name. */
    public static final String BOT_NAME = "BackCoach";

    /**
     * One request to a known method with the right token.
     *
     * @param method the method's name as the spec spells it ({@code sendMessage}, whatever the case
     *     in the URL)
     * @param params the parameters as Java values: String, Long (integers), Double, Boolean, List,
     *     Map; JSON-serialized parameters of multipart/urlencoded requests decoded (so {@code
     *     reply_markup} is a Map either way); uploaded files as {@link UploadedFile}; {@code
     *     chat_id} exactly as sent (telegrambots sends a String)
     * @param at when the fake received it
     */
    public record Call(String method, Map<String, Object> params, Instant at) {

        /**
         * A parameter as text ({@code null} if absent): handy for {@code chat_id}, which may be a
         * number or a string.
         */
        public String param(String name) {
            Object v = params.get(name);
            return v == null ? null : v.toString();
        }
    }

    /**
     * A file uploaded with multipart/form-data.
     *
     * @param fileName the part's filename
     * @param contentType the part's Content-Type, or null
     * @param bytes the content
     */
    public record UploadedFile(String fileName, String contentType, byte[] bytes) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "UploadedFile["
                    + fileName
                    + ", "
                    + contentType
                    + ", "
                    + bytes.length
                    + " bytes]";
        }
    }

    /**
     * A storm: asked before each call (except getUpdates) what goes wrong with it, by method and
     * the rate clock's time.
     */
    public interface Storm {
        /** The fault for this call, or null to answer it normally. */
        Fault at(String method, long nanos);
    }

    /**
     * What goes wrong with one call: an error answer ({@code code} > 0, with {@code retryAfter}
     * seconds for a 429, or null), or, with code 0, an answer held back for {@code delay} real time
     * (the call is still carried out, as Telegram carries out a request whose answer was lost).
     */
    public record Fault(int code, String description, Integer retryAfter, Duration delay) {
        public static Fault error(int code, String description, Integer retryAfter) {
            return new Fault(code, description, retryAfter, Duration.ZERO);
        }

        public static Fault slow(Duration delay) {
            return new Fault(0, "", null, delay);
        }
    }

    private FakeBotApi(FakeParts parts) {
        super(parts);
    }

    @Override
    FakeBotApi self() {
        return this;
    }

    /**
     * Starts a fake for the bot {@code token} on 127.0.0.1 and a free port.
     *
     * @throws IllegalStateException if the Bot API spec file cannot be found (see {@link
     *     BotApiSpec})
     */
    public static FakeBotApi start(String token) {
        if (token == null || token.isEmpty() || token.contains("/")) {
            throw new IllegalArgumentException(
                    "token must be non-empty and contain no '/': " + token);
        }
        try {
            return new FakeBotApi(new FakeParts(token));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake Telegram Bot API", e);
        }
    }

    /** The port the fake listens on (host 127.0.0.1). */
    public int port() {
        return parts.server.getAddress().getPort();
    }

    /** The bot token the fake accepts. */
    public String token() {
        return parts.token;
    }

    /**
     * {@code http://127.0.0.1:<port>}, the base URL (the bot calls {@code
     * <base>/bot<token>/<method>}).
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Stops the server at once; pending long polls return {@code []}. */
    @Override
    public void close() {
        parts.close();
    }

    /**
     * Everything the bot did wrong so far, one human-readable line each (method, parameter, what
     * was wrong).
     */
    public List<String> violations() {
        return state().locked(() -> List.copyOf(state().violations));
    }

    /** Forgets the violations recorded so far (for a test that provoked some on purpose). */
    public void clearViolations() {
        state().locked(() -> state().violations.clear());
    }

    /**
     * @throws AssertionError listing every violation, if there is any
     */
    public void assertNoViolations() {
        List<String> v = violations();
        if (!v.isEmpty()) {
            throw new AssertionError(
                    "The fake Telegram Bot API recorded "
                            + v.size()
                            + " violation(s):\n  - "
                            + String.join("\n  - ", v));
        }
    }

    /** All calls so far (known methods, right token), oldest first. */
    public List<Call> calls() {
        return state().locked(() -> List.copyOf(state().calls));
    }

    /** The calls of one method (case-insensitive), oldest first. */
    public List<Call> calls(String method) {
        return state().locked(() -> callsLocked(method));
    }

    private List<Call> callsLocked(String method) {
        return state().calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    /**
     * Waits until a call of {@code method} (case-insensitive) matching {@code match} has arrived,
     * counting calls that arrived before this method was called, and returns the first such call.
     *
     * @throws AssertionError if none arrives within {@code timeout}
     */
    public Call awaitCall(String method, Predicate<Call> match, Duration timeout) {
        return state().await(
                        timeout,
                        () -> callsLocked(method).stream().filter(match).findFirst().orElse(null),
                        () ->
                                "No matching "
                                        + method
                                        + " call within "
                                        + timeout
                                        + ". "
                                        + method
                                        + " calls: "
                                        + callsLocked(method).stream().map(Call::params).toList()
                                        + "; violations: "
                                        + state().violations);
    }

    private FakeState state() {
        return parts.state;
    }
}
