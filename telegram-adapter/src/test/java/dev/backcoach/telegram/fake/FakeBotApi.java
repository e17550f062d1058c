package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.backcoach.telegram.fake.BotApiSpec.Definition;
import dev.backcoach.telegram.fake.SpecValidator.Issue;
import dev.backcoach.telegram.fake.SpecValidator.Upload;
import dev.backcoach.telegram.fake.SpecValidator.Validation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

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
 * <h2>What it checks</h2>
 *
 * Requests go to {@code /bot<token>/<method>}, the method matched case-insensitively against the
 * official spec ({@code specs/telegram-bot-api.json} in the test resources, see {@link
 * BotApiSpec}). Bodies may be JSON, urlencoded or multipart/form-data, parameters may also come in
 * the query string. Every request is validated against the spec (unknown or missing parameters,
 * types, nested objects and unions, recursively) and against Telegram's documented limits (text
 * 1-4096 UTF-16 code units after entity parsing, callback_data 1-64 bytes, answerCallbackQuery text
 * ≤ 200, bot command names and descriptions, ≤ 100 commands, exactly one action per inline button,
 * HTML parse mode as Telegram parses it — see {@link TelegramHtml}). Each problem becomes a
 * {@linkplain #violations() violation}; where Telegram would refuse the request the fake answers
 * with Telegram's error ({@code 400 Bad Request: …}), where Telegram would silently accept it (an
 * unknown parameter, a number sent as a JSON string) the fake accepts it too. A wrong token (401),
 * an unknown method (404), two long polls at once (409), answering a callback query the fake never
 * sent, and going over Telegram's rate limits ({@link #limits}) are violations as well.
 *
 * <p>Deliberately tolerated: the {@code "method"} key telegrambots puts into every JSON body (it
 * names the method of the URL; any other value is a violation), and an empty {@code
 * caption_entities}/{@code allowed_updates} array it sends in every multipart request.
 *
 * <h2>What it does</h2>
 *
 * getMe, deleteWebhook/setWebhook/getWebhookInfo, setMyCommands/getMyCommands/deleteMyCommands,
 * getUpdates (real long polling: {@code offset} confirms, {@code limit}, {@code timeout} waits for
 * the next update), sendMessage, editMessageText/editMessageReplyMarkup/editMessageCaption (with
 * Telegram's "message to edit not found" and "message is not modified" errors; an edit without
 * reply_markup removes the keyboard, as on Telegram), deleteMessage, answerCallbackQuery,
 * sendDocument/sendPhoto and other send methods. Any other method of the spec answers {@code true}.
 * {@link #chat(long)} shows what the user sees.
 *
 * <p>Thread-safe. {@link #close()} stops the server at once; pending long polls return {@code []}.
 */
public final class FakeBotApi implements AutoCloseable {

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

    private static final Pattern PATH = Pattern.compile("^/bot([^/]*)/([^/]+)$");
    private static final Pattern COMMAND_ENTITY =
            Pattern.compile("(?:^|(?<=\\s))/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?=$|\\s)");
    private static final Set<String> RATE_METHODS =
            Set.of("sendMessage", "editMessageText", "sendDocument", "sendPhoto");
    private static final Set<String> UNREQUESTED_BY_DEFAULT =
            Set.of("chat_member", "message_reaction", "message_reaction_count");
    private static final String NOT_MODIFIED =
            "Bad Request: message is not modified: specified new message content "
                    + "and reply markup are exactly the same as a current content and reply markup of the message";
    private static final String QUERY_INVALID =
            "Bad Request: query is too old and response timeout expired or query ID is invalid";
    private static final AtomicInteger SERVER_THREADS = new AtomicInteger();

    private final String token;
    private final BotApiSpec spec;
    private final SpecValidator validator;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final HttpServer server;
    private final ExecutorService executor;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Everything below is guarded by lock.
    private final List<String> violations = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private int lastUpdateId;
    private List<String> allowedUpdates = List.of();
    private final Map<Long, ChatState> chats = new HashMap<>();
    private final Map<String, Boolean> callbackAnswered = new LinkedHashMap<>();
    private long callbackSeq;
    private long fileSeq;
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final Set<Long> blocked = new HashSet<>();
    private Map<String, Object> webhook;
    private final Map<String, JsonNode> commands = new HashMap<>();

    /** The language_code each user's app reports ("" for none); "en" when not set. */
    private final Map<Long, String> languages = new java.util.concurrent.ConcurrentHashMap<>();

    /** setMyDescription and setMyShortDescription by method and language code ("" for none). */
    private final Map<String, String> descriptions = new HashMap<>();

    private PollTicket activePoll;
    private Duration slowdown = Duration.ZERO;
    private boolean closed;
    private final RateWatch rates = new RateWatch(30, 3, 20);
    private volatile LongSupplier nanoTime = System::nanoTime;

    private record Failure(int code, String description, Integer retryAfter) {}

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

    private volatile Storm storm = (method, nanos) -> null;

    private static final class PollTicket {
        boolean terminated;
    }

    private record Reply(int status, JsonNode body) {}

    private static final class ChatState {
        final long id;
        int nextMessageId = 1;
        final Map<Integer, StoredMessage> botMessages = new LinkedHashMap<>();
        final Set<Integer> userMessages = new HashSet<>();

        ChatState(long id) {
            this.id = id;
        }

        String type() {
            if (id > 0) {
                return "private";
            }
            return id <= -1_000_000_000_000L ? "supergroup" : "group";
        }
    }

    private static final class StoredMessage {
        final long chatId;
        final int messageId;
        final String kind;
        final Instant date;
        String text;
        String parseMode;
        String plainText;
        JsonNode entities;
        JsonNode inlineMarkup;
        int edits;
        Instant editDate;
        String fileName;
        JsonNode media;

        StoredMessage(long chatId, int messageId, String kind, Instant date) {
            this.chatId = chatId;
            this.messageId = messageId;
            this.kind = kind;
            this.date = date;
        }

        SentMessage view() {
            List<List<SentMessage.Button>> keyboard = new ArrayList<>();
            if (inlineMarkup != null) {
                for (JsonNode row : inlineMarkup.path("inline_keyboard")) {
                    List<SentMessage.Button> buttons = new ArrayList<>();
                    for (JsonNode b : row) {
                        buttons.add(
                                new SentMessage.Button(
                                        b.path("text").asText(),
                                        textOrNull(b.get("callback_data")),
                                        textOrNull(b.get("url"))));
                    }
                    keyboard.add(buttons);
                }
            }
            return new SentMessage(
                    chatId, messageId, kind, text, parseMode, plainText, keyboard, edits, fileName,
                    date);
        }
    }

    private FakeBotApi(String token) throws IOException {
        this.token = token;
        this.spec = BotApiSpec.get();
        this.validator = new SpecValidator(spec);
        this.executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t =
                                    new Thread(
                                            r, "fake-bot-api-" + SERVER_THREADS.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
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
            return new FakeBotApi(token);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake Telegram Bot API", e);
        }
    }

    /** The port the fake listens on (host 127.0.0.1). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The bot token the fake accepts. */
    public String token() {
        return token;
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
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // === violations and calls
    // ========================================================================================

    /**
     * Everything the bot did wrong so far, one human-readable line each (method, parameter, what
     * was wrong).
     */
    public List<String> violations() {
        return locked(() -> List.copyOf(violations));
    }

    /** Forgets the violations recorded so far (for a test that provoked some on purpose). */
    public void clearViolations() {
        locked(() -> violations.clear());
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
        return locked(() -> List.copyOf(calls));
    }

    /** The calls of one method (case-insensitive), oldest first. */
    public List<Call> calls(String method) {
        return locked(
                () -> calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList());
    }

    /**
     * Waits until a call of {@code method} (case-insensitive) matching {@code match} has arrived,
     * counting calls that arrived before this method was called, and returns the first such call.
     *
     * @throws AssertionError if none arrives within {@code timeout}
     */
    public Call awaitCall(String method, Predicate<Call> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (Call c : calls) {
                    if (c.method().equalsIgnoreCase(method) && match.test(c)) {
                        return c;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError(
                            "No matching "
                                    + method
                                    + " call within "
                                    + timeout
                                    + ". "
                                    + method
                                    + " calls: "
                                    + calls.stream()
                                            .filter(c -> c.method().equalsIgnoreCase(method))
                                            .map(Call::params)
                                            .toList()
                                    + "; violations: "
                                    + violations);
                }
                awaitChange(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the chat shows a message matching {@code match} (edits count: a message edited
     * into a match matches) and returns it.
     *
     * @throws AssertionError if there is none within {@code timeout}
     */
    public SentMessage awaitMessage(long chatId, Predicate<SentMessage> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                for (SentMessage m : chatLocked(chatId)) {
                    if (match.test(m)) {
                        return m;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError(
                            "No matching message in chat "
                                    + chatId
                                    + " within "
                                    + timeout
                                    + ". Chat:\n  "
                                    + chatLocked(chatId).stream()
                                            .map(SentMessage::toString)
                                            .collect(Collectors.joining("\n  "))
                                    + "\nviolations: "
                                    + violations);
                }
                awaitChange(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    // === what the user sees
    // ==========================================================================================

    /**
     * The bot's messages in the chat, oldest first, with edits applied and deleted messages gone.
     */
    public List<SentMessage> chat(long chatId) {
        return locked(() -> chatLocked(chatId));
    }

    /**
     * The bot's latest message in the chat.
     *
     * @throws AssertionError if the bot has sent nothing there
     */
    public SentMessage lastIn(long chatId) {
        List<SentMessage> messages = chat(chatId);
        if (messages.isEmpty()) {
            throw new AssertionError("The bot has sent nothing to chat " + chatId);
        }
        return messages.get(messages.size() - 1);
    }

    /** Ids of callback queries the fake delivered that the bot has not answered yet. */
    public Set<String> unansweredCallbacks() {
        return locked(
                () ->
                        callbackAnswered.entrySet().stream()
                                .filter(e -> !e.getValue())
                                .map(Map.Entry::getKey)
                                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** The webhook set with setWebhook (url, secret_token, … as sent), if one is set. */
    public Optional<Map<String, Object>> webhook() {
        return locked(
                () ->
                        Optional.ofNullable(webhook)
                                .map(w -> Collections.unmodifiableMap(new LinkedHashMap<>(w))));
    }

    /**
     * What setMyDescription ({@code method} "setMyDescription") or setMyShortDescription set for
     * {@code languageCode} ("" for the default); null if never set.
     */
    public @Nullable String description(String method, String languageCode) {
        lock.lock();
        try {
            return descriptions.get(method + ":" + languageCode);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The commands set with setMyCommands for the default scope and no language: {@code command →
     * description}.
     */
    public Map<String, String> commands() {
        return commands(null);
    }

    /** The commands set for the default scope and {@code languageCode} (null: none). */
    public Map<String, String> commands(@Nullable String languageCode) {
        lock.lock();
        try {
            Map<String, String> result = new LinkedHashMap<>();
            JsonNode list = commands.get(commandKey(null, languageCode));
            if (list != null) {
                list.forEach(
                        c ->
                                result.put(
                                        c.path("command").asText(),
                                        c.path("description").asText()));
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Updates queued and not yet confirmed by a getUpdates offset. */
    public int pendingUpdates() {
        return locked(() -> updates.size());
    }

    // === updates to deliver
    // ==========================================================================================

    /**
     * Queues a text message from user {@code userId} in the private chat with the bot (chat id =
     * user id). A text starting with "/" carries a {@code bot_command} entity for the command, as
     * Telegram sends it.
     *
     * @return the update_id
     */
    public int privateText(long userId, String text) {
        return enqueueNode(privateTextNode(userId, text));
    }

    /**
     * {@link #privateText}'s update as JSON, not queued (for webhook tests); it consumes ids all
     * the same.
     */
    public String privateTextUpdateJson(long userId, String text) {
        return write(privateTextNode(userId, text));
    }

    /**
     * Queues a text message from {@code userId} in the group {@code chatId} (negative).
     *
     * @return the update_id
     */
    public int groupText(long chatId, long userId, String text) {
        return enqueueNode(groupTextNode(chatId, userId, text));
    }

    /** {@link #groupText}'s update as JSON, not queued. */
    public String groupTextUpdateJson(long chatId, long userId, String text) {
        return write(groupTextNode(chatId, userId, text));
    }

    /**
     * Queues a callback query: user {@code userId} pressed the button with {@code data} under
     * message {@code messageId} of chat {@code chatId}. The query gets a fresh id, which the bot
     * must answer; the message is the one the bot sent (as it is now), when the fake knows it.
     *
     * @return the update_id
     */
    public int callback(long userId, long chatId, int messageId, String data) {
        return enqueueNode(callbackNode(userId, chatId, messageId, data));
    }

    /**
     * {@link #callback}'s update as JSON, not queued; its callback query id counts as delivered.
     */
    public String callbackUpdateJson(long userId, long chatId, int messageId, String data) {
        return write(callbackNode(userId, chatId, messageId, data));
    }

    /**
     * Queues any update. Without an {@code update_id} the next one is assigned; with one it is kept
     * (to replay an update), and later ids continue after the highest seen.
     *
     * @return the update_id
     */
    public int enqueue(String rawUpdateJson) {
        JsonNode node;
        try {
            node = json.readTree(rawUpdateJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + rawUpdateJson, e);
        }
        if (!(node instanceof ObjectNode update)) {
            throw new IllegalArgumentException("An update is a JSON object: " + rawUpdateJson);
        }
        lock.lock();
        try {
            if (update.has("update_id")) {
                lastUpdateId = Math.max(lastUpdateId, update.get("update_id").asInt());
            } else {
                ObjectNode withId = nodes.objectNode();
                withId.put("update_id", ++lastUpdateId);
                withId.setAll(update);
                update = withId;
            }
            updates.addLast(update);
            changed.signalAll();
            return update.get("update_id").asInt();
        } finally {
            lock.unlock();
        }
    }

    // === fault injection and limits
    // =================================================================================

    /**
     * The next {@code times} calls of {@code method} fail with {@code errorCode} (also the HTTP
     * status) and {@code description}, plus {@code parameters.retry_after} when given — e.g. {@code
     * failNext("sendMessage", 1, 429, "Too Many Requests: retry after 3", 3)}. The requests are
     * still validated and logged.
     */
    public FakeBotApi failNext(
            String method, int times, int errorCode, String description, Integer retryAfterOrNull) {
        Definition d =
                spec.method(method)
                        .orElseThrow(
                                () -> new IllegalArgumentException("No such method: " + method));
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        lock.lock();
        try {
            Deque<Failure> queue = failures.computeIfAbsent(d.name(), k -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.addLast(new Failure(errorCode, description, retryAfterOrNull));
            }
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * From now on every send or edit to {@code chatId} answers 403 (bot blocked by the user /
     * kicked from the group).
     */
    public FakeBotApi blockChat(long chatId) {
        locked(() -> blocked.add(chatId));
        return this;
    }

    /** Undoes {@link #blockChat}. */
    public FakeBotApi unblockChat(long chatId) {
        locked(() -> blocked.remove(chatId));
        return this;
    }

    /** From now on {@code storm} decides what goes wrong with each call (see {@link Storm}). */
    public FakeBotApi storm(Storm storm) {
        this.storm = storm;
        return this;
    }

    /** Delays every answer except getUpdates by {@code delay} (zero to stop). */
    public FakeBotApi slowdown(Duration delay) {
        locked(() -> slowdown = delay);
        return this;
    }

    /**
     * Thresholds of the rate watch (defaults 30, 3, 20): more than {@code globalPerSecond}
     * sendMessage, editMessageText, sendDocument or sendPhoto calls in any rolling second, more
     * than {@code perChatBurstPerSecond} to one private chat in a second, or more than {@code
     * groupPerMinute} to one group in a minute is a violation (the request still succeeds, as
     * Telegram's limits are soft until it answers 429).
     */
    public FakeBotApi limits(int globalPerSecond, int perChatBurstPerSecond, int groupPerMinute) {
        locked(() -> rates.limits(globalPerSecond, perChatBurstPerSecond, groupPerMinute));
        return this;
    }

    /**
     * The clock the rate watch reads, {@link System#nanoTime()} by default: a test whose sender
     * runs on virtual time passes that time here, so the limits are judged on the same clock the
     * sender paced itself by.
     */
    public FakeBotApi rateClock(LongSupplier nanos) {
        this.nanoTime = nanos;
        return this;
    }

    // === HTTP
    // ========================================================================================================

    private void handle(HttpExchange ex) {
        try (ex) {
            Reply reply;
            try {
                reply = route(ex);
            } catch (RuntimeException e) {
                if (locked(() -> closed)) {
                    return;
                }
                violation(
                        "fake Bot API: internal error on "
                                + ex.getRequestURI().getPath()
                                + ": "
                                + e);
                reply = error(500, "Internal Server Error: " + e, null);
            }
            byte[] out = json.writeValueAsBytes(reply.body());
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException e) {
            // The client went away (or the fake is closing): nothing to answer.
        }
    }

    private Reply route(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getRawPath();
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            violation(
                    "HTTP "
                            + ex.getRequestMethod()
                            + " "
                            + path
                            + ": not a Bot API path (expected /bot<token>/<method>)");
            return error(404, "Not Found", null);
        }
        String sentToken = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        String methodName = m.group(2);
        if (!sentToken.equals(token)) {
            violation(
                    methodName
                            + ": wrong bot token \""
                            + sentToken
                            + "\" (HTTP "
                            + ex.getRequestMethod()
                            + " "
                            + path
                            + ") -> 401 Unauthorized");
            return error(401, "Unauthorized", null);
        }
        Optional<Definition> found = spec.method(methodName);
        if (found.isEmpty()) {
            violation(
                    methodName + ": no such method in the Bot API (" + spec.version() + ") -> 404");
            return error(404, "Not Found: method not found", null);
        }
        Definition method = found.get();

        Map<String, JsonNode> raw = new LinkedHashMap<>();
        Map<String, Upload> files = new LinkedHashMap<>();
        List<String> transportProblems = new ArrayList<>();
        boolean stringTransport = false;
        HttpBodies.Form query = HttpBodies.urlencoded(ex.getRequestURI().getRawQuery());
        if (!query.fields().isEmpty()) {
            stringTransport = true;
            query.fields().forEach((k, v) -> raw.put(k, TextNode.valueOf(v)));
        }
        transportProblems.addAll(query.problems());
        String contentType =
                Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
        String ct = contentType.toLowerCase(Locale.ROOT);
        if (ct.startsWith("application/json")) {
            if (body.length > 0) {
                JsonNode parsed;
                try {
                    parsed = json.readTree(body);
                } catch (IOException e) {
                    violation(method.name() + ": body is not valid JSON: " + e.getMessage());
                    return error(400, "Bad Request: can't parse JSON encoded request", null);
                }
                if (!(parsed instanceof ObjectNode object)) {
                    violation(
                            method.name()
                                    + ": JSON body is not an object: "
                                    + SpecValidator.abbreviate(parsed.toString()));
                    return error(400, "Bad Request: JSON object expected", null);
                }
                object.properties().forEach(e -> raw.put(e.getKey(), e.getValue()));
            }
        } else if (ct.startsWith("multipart/form-data")) {
            stringTransport = true;
            HttpBodies.Form form = HttpBodies.multipart(contentType, body);
            form.fields().forEach((k, v) -> raw.put(k, TextNode.valueOf(v)));
            files.putAll(form.files());
            transportProblems.addAll(form.problems());
        } else if (ct.startsWith("application/x-www-form-urlencoded")) {
            stringTransport = true;
            HttpBodies.Form form = HttpBodies.urlencoded(new String(body, StandardCharsets.UTF_8));
            form.fields().forEach((k, v) -> raw.put(k, TextNode.valueOf(v)));
            transportProblems.addAll(form.problems());
        } else if (body.length > 0) {
            transportProblems.add(
                    "body of unsupported Content-Type \""
                            + contentType
                            + "\" ignored (Telegram reads JSON, "
                            + "urlencoded and multipart/form-data)");
        }
        if (!method.fields().containsKey("method") && raw.containsKey("method")) {
            JsonNode named = raw.remove("method");
            if (!named.isTextual() || !named.asText().equalsIgnoreCase(method.name())) {
                transportProblems.add(
                        "body names method " + named + " but the URL calls " + methodName);
            }
        }

        Validation validation = validator.validateRequest(method, raw, stringTransport, files);
        Call call = new Call(method.name(), toJavaMap(validation.params()), Instant.now());
        Failure failure;
        Duration delay;
        lock.lock();
        try {
            calls.add(call);
            for (String p : transportProblems) {
                violations.add(method.name() + ": " + p);
            }
            for (Issue issue : validation.issues()) {
                violations.add(
                        method.name()
                                + ": "
                                + issue.path()
                                + ": "
                                + issue.problem()
                                + (issue.rejected() ? " -> 400 \"" + errorOf(issue) + "\"" : ""));
            }
            if (RATE_METHODS.contains(method.name())) {
                OptionalLong chat = chatIdOf(validation.params());
                if (chat.isPresent()) {
                    rates.record(method.name(), chat.getAsLong(), nanoTime.getAsLong())
                            .ifPresent(violations::add);
                }
            }
            Deque<Failure> queue = failures.get(method.name());
            failure = queue == null ? null : queue.pollFirst();
            delay = slowdown;
            Fault fault =
                    method.name().equals("getUpdates")
                            ? null
                            : storm.at(method.name(), nanoTime.getAsLong());
            if (fault != null && failure == null) {
                if (fault.code() > 0) {
                    failure = new Failure(fault.code(), fault.description(), fault.retryAfter());
                } else {
                    delay = fault.delay();
                }
            }
            if (method.name().equals("getUpdates")
                    && failure == null
                    && validation.firstRejection().isEmpty()
                    && webhook == null) {
                // Confirm at once, so that whoever sees this call in calls() also sees the
                // confirmed updates gone.
                confirm(validation.params());
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (!delay.isZero() && !method.name().equals("getUpdates")) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            return error(failure.code(), failure.description(), failure.retryAfter());
        }
        Optional<Issue> rejection = validation.firstRejection();
        if (rejection.isPresent()) {
            return error(400, errorOf(rejection.get()), null);
        }
        if (method.name().equals("getUpdates")) {
            return getUpdates(validation.params());
        }
        lock.lock();
        try {
            Reply reply = execute(method, validation);
            changed.signalAll();
            return reply;
        } finally {
            lock.unlock();
        }
    }

    private static String errorOf(Issue issue) {
        if (issue.error() != null) {
            return issue.error();
        }
        String path = issue.path();
        int cut = path.length();
        for (char c : new char[] {'.', '['}) {
            int i = path.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return "Bad Request: can't parse " + path.substring(0, cut) + ": " + issue.problem();
    }

    // === methods
    // =====================================================================================================

    /** Runs a valid request; called under the lock. */
    private Reply execute(Definition method, Validation v) {
        Map<String, JsonNode> p = v.params();
        String name = method.name();
        switch (name) {
            case "getMe":
                return ok(botUser(true));
            case "logOut":
            case "close":
                return ok(BooleanNode.TRUE);
            case "deleteWebhook":
                webhook = null;
                if (bool(p, "drop_pending_updates")) {
                    updates.clear();
                }
                return ok(BooleanNode.TRUE, "Webhook was deleted");
            case "setWebhook":
                return setWebhook(p);
            case "getWebhookInfo":
                return ok(webhookInfo());
            case "setMyCommands":
                commands.put(
                        commandKey(p.get("scope"), textOrNull(p.get("language_code"))),
                        p.get("commands"));
                return ok(BooleanNode.TRUE);
            case "setMyDescription":
            case "setMyShortDescription":
                {
                    String field =
                            name.equals("setMyDescription") ? "description" : "short_description";
                    String language = textOrNull(p.get("language_code"));
                    descriptions.put(
                            name + ":" + (language == null ? "" : language),
                            p.containsKey(field) ? p.get(field).asText() : "");
                    return ok(BooleanNode.TRUE);
                }
            case "deleteMyCommands":
                commands.remove(commandKey(p.get("scope"), textOrNull(p.get("language_code"))));
                return ok(BooleanNode.TRUE);
            case "getMyCommands":
                {
                    JsonNode list =
                            commands.get(
                                    commandKey(p.get("scope"), textOrNull(p.get("language_code"))));
                    return ok(list == null ? nodes.arrayNode() : list);
                }
            case "answerCallbackQuery":
                return answerCallbackQuery(p);
            case "editMessageText":
            case "editMessageCaption":
            case "editMessageReplyMarkup":
                return edit(name, v);
            case "deleteMessage":
                return deleteMessage(p);
            default:
                break;
        }
        if (p.containsKey("chat_id") && isSendOrEdit(name)) {
            ChatOrError target = chatFor(p);
            if (target.error != null) {
                return target.error;
            }
            if (method.returns().contains("Message") && name.startsWith("send")) {
                return send(name, v, target.chat);
            }
        }
        return ok(defaultResult(method));
    }

    private JsonNode defaultResult(Definition method) {
        List<String> returns = method.returns();
        if (returns.isEmpty() || returns.contains("True") || returns.contains("Boolean")) {
            return BooleanNode.TRUE;
        }
        String r = returns.get(0);
        if (r.startsWith("Array of")) {
            return nodes.arrayNode();
        }
        return switch (r) {
            case "Integer" -> nodes.numberNode(0);
            case "String" -> TextNode.valueOf("");
            default -> BooleanNode.TRUE;
        };
    }

    private Reply setWebhook(Map<String, JsonNode> p) {
        String url = textOrNull(p.get("url"));
        if (url == null || url.isEmpty()) {
            webhook = null;
            return ok(BooleanNode.TRUE, "Webhook was deleted");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        p.forEach(
                (k, value) -> {
                    if (!k.equals("certificate")) {
                        settings.put(k, toJava(value));
                    }
                });
        settings.put("has_custom_certificate", p.containsKey("certificate"));
        webhook = settings;
        if (bool(p, "drop_pending_updates")) {
            updates.clear();
        }
        if (activePoll != null) {
            activePoll.terminated = true;
        }
        return ok(BooleanNode.TRUE, "Webhook was set");
    }

    private ObjectNode webhookInfo() {
        ObjectNode info = nodes.objectNode();
        info.put("url", webhook == null ? "" : String.valueOf(webhook.get("url")));
        info.put(
                "has_custom_certificate",
                webhook != null && Boolean.TRUE.equals(webhook.get("has_custom_certificate")));
        info.put("pending_update_count", updates.size());
        if (webhook != null) {
            Object max = webhook.get("max_connections");
            info.put("max_connections", max instanceof Number n ? n.intValue() : 40);
            Object ip = webhook.get("ip_address");
            if (ip != null) {
                info.put("ip_address", ip.toString());
            }
            Object allowed = webhook.get("allowed_updates");
            if (allowed instanceof List<?> list && !list.isEmpty()) {
                info.set("allowed_updates", json.valueToTree(list));
            }
        }
        return info;
    }

    private Reply answerCallbackQuery(Map<String, JsonNode> p) {
        String id = textOrNull(p.get("callback_query_id"));
        Boolean answered = callbackAnswered.get(id);
        if (answered == null) {
            violation(
                    "answerCallbackQuery: callback_query_id \""
                            + id
                            + "\" was never delivered by this fake -> 400 \""
                            + QUERY_INVALID
                            + "\"");
            return error(400, QUERY_INVALID, null);
        }
        if (answered) {
            // Telegram refuses a second answer the same way; not a violation (a redelivered update
            // may cause it).
            return error(400, QUERY_INVALID, null);
        }
        callbackAnswered.put(id, true);
        return ok(BooleanNode.TRUE);
    }

    private Reply send(String method, Validation v, ChatState chat) {
        Map<String, JsonNode> p = v.params();
        String kind =
                method.equals("sendMessage")
                        ? "text"
                        : method.substring("send".length()).toLowerCase(Locale.ROOT);
        StoredMessage msg = new StoredMessage(chat.id, chat.nextMessageId++, kind, Instant.now());
        String target = v.parseTarget();
        if (target != null && p.get(target) != null) {
            msg.text = p.get(target).asText();
            msg.parseMode = textOrNull(p.get("parse_mode"));
            applyParsed(msg, v, target.equals("text") ? "entities" : "caption_entities");
        }
        msg.inlineMarkup = inlineMarkup(p.get("reply_markup"));
        JsonNode file = kind.equals("text") ? null : p.get(kind);
        if (file != null) {
            msg.media = mediaJson(kind, file);
            if (file.isPojo() && ((POJONode) file).getPojo() instanceof Upload u) {
                msg.fileName = u.fileName();
            }
        }
        chat.botMessages.put(msg.messageId, msg);
        return ok(messageJson(msg));
    }

    private void applyParsed(StoredMessage msg, Validation v, String entitiesField) {
        TelegramHtml.Result parsed = v.parsed();
        if (parsed != null && parsed.ok()) {
            msg.plainText = parsed.text();
            ArrayNode entities = nodes.arrayNode();
            for (TelegramHtml.Entity e : parsed.entities()) {
                ObjectNode o = entities.addObject();
                o.put("offset", e.offset());
                o.put("length", e.length());
                o.put("type", e.type());
                if (e.url() != null) {
                    o.put("url", e.url());
                }
                if (e.language() != null) {
                    o.put("language", e.language());
                }
                if (e.customEmojiId() != null) {
                    o.put("custom_emoji_id", e.customEmojiId());
                }
                if (e.unixTime() != null) {
                    o.put("unix_time", e.unixTime());
                }
                if (e.dateTimeFormat() != null) {
                    o.put("date_time_format", e.dateTimeFormat());
                }
            }
            JsonNode given = v.params().get(entitiesField);
            msg.entities =
                    !entities.isEmpty()
                            ? entities
                            : (msg.parseMode == null
                                            && given != null
                                            && given.isArray()
                                            && !given.isEmpty()
                                    ? given
                                    : null);
        } else {
            msg.plainText = msg.text;
            msg.entities = null;
        }
    }

    private Reply edit(String method, Validation v) {
        Map<String, JsonNode> p = v.params();
        if (p.containsKey("inline_message_id")) {
            return ok(BooleanNode.TRUE);
        }
        ChatOrError target = chatFor(p);
        if (target.error != null) {
            return target.error;
        }
        ChatState chat = target.chat;
        int messageId = p.get("message_id").asInt();
        StoredMessage msg = chat.botMessages.get(messageId);
        if (msg == null) {
            return error(
                    400,
                    chat.userMessages.contains(messageId)
                            ? "Bad Request: message can't be edited"
                            : "Bad Request: message to edit not found",
                    null);
        }
        JsonNode newMarkup = inlineMarkup(p.get("reply_markup"));
        switch (method) {
            case "editMessageText" -> {
                if (!msg.kind.equals("text")) {
                    return error(400, "Bad Request: there is no text in the message to edit", null);
                }
                StoredMessage probe =
                        new StoredMessage(msg.chatId, msg.messageId, msg.kind, msg.date);
                probe.text = p.get("text").asText();
                probe.parseMode = textOrNull(p.get("parse_mode"));
                applyParsed(probe, v, "entities");
                if (Objects.equals(probe.plainText, msg.plainText)
                        && Objects.equals(probe.entities, msg.entities)
                        && Objects.equals(newMarkup, msg.inlineMarkup)) {
                    return error(400, NOT_MODIFIED, null);
                }
                msg.text = probe.text;
                msg.parseMode = probe.parseMode;
                msg.plainText = probe.plainText;
                msg.entities = probe.entities;
            }
            case "editMessageCaption" -> {
                if (msg.kind.equals("text")) {
                    return error(
                            400, "Bad Request: there is no caption in the message to edit", null);
                }
                StoredMessage probe =
                        new StoredMessage(msg.chatId, msg.messageId, msg.kind, msg.date);
                probe.text = textOrNull(p.get("caption"));
                probe.parseMode = textOrNull(p.get("parse_mode"));
                applyParsed(probe, v, "caption_entities");
                if (Objects.equals(probe.plainText, msg.plainText)
                        && Objects.equals(probe.entities, msg.entities)
                        && Objects.equals(newMarkup, msg.inlineMarkup)) {
                    return error(400, NOT_MODIFIED, null);
                }
                msg.text = probe.text;
                msg.parseMode = probe.parseMode;
                msg.plainText = probe.plainText;
                msg.entities = probe.entities;
            }
            default -> {
                if (Objects.equals(newMarkup, msg.inlineMarkup)) {
                    return error(400, NOT_MODIFIED, null);
                }
            }
        }
        msg.inlineMarkup = newMarkup;
        msg.edits++;
        msg.editDate = Instant.now();
        return ok(messageJson(msg));
    }

    private Reply deleteMessage(Map<String, JsonNode> p) {
        ChatOrError target = chatFor(p);
        if (target.error != null) {
            return target.error;
        }
        int messageId = p.get("message_id").asInt();
        if (target.chat.botMessages.remove(messageId) == null
                && !target.chat.userMessages.remove(messageId)) {
            return error(400, "Bad Request: message to delete not found", null);
        }
        return ok(BooleanNode.TRUE);
    }

    private Reply getUpdates(Map<String, JsonNode> p) {
        PollTicket me = new PollTicket();
        lock.lock();
        try {
            if (webhook != null) {
                violation("getUpdates: called while a webhook is set -> 409");
                return error(
                        409,
                        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
                                + "delete the webhook first",
                        null);
            }
            if (activePoll != null) {
                activePoll.terminated = true;
                violation(
                        "getUpdates: a second getUpdates arrived while another was waiting (two bot instances polling?); "
                                + "the earlier one is answered 409 Conflict, as Telegram does");
            }
            activePoll = me;
            changed.signalAll();
            long offset = offset(p);
            int limit =
                    p.get("limit") != null && p.get("limit").isNumber()
                            ? (int) Math.max(1, Math.min(100, p.get("limit").asLong()))
                            : 100;
            long timeoutSeconds =
                    p.get("timeout") != null && p.get("timeout").isNumber()
                            ? Math.max(0, p.get("timeout").asLong())
                            : 0;
            JsonNode allowed = p.get("allowed_updates");
            if (allowed != null && allowed.isArray()) {
                List<String> list = new ArrayList<>();
                allowed.forEach(a -> list.add(a.asText()));
                allowedUpdates = list;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (true) {
                if (me.terminated) {
                    return error(
                            409,
                            webhook != null
                                    ? "Conflict: terminated by setWebhook request"
                                    : "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                            null);
                }
                ArrayNode batch = nodes.arrayNode();
                if (!closed) {
                    for (ObjectNode u : updates) {
                        if (batch.size() >= limit) {
                            break;
                        }
                        if (u.path("update_id").asLong() >= offset && deliverable(u)) {
                            batch.add(u);
                        }
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (!batch.isEmpty() || remaining <= 0 || closed) {
                    return ok(batch);
                }
                awaitChange(remaining);
            }
        } finally {
            if (activePoll == me) {
                activePoll = null;
            }
            lock.unlock();
        }
    }

    private static long offset(Map<String, JsonNode> p) {
        JsonNode offsetNode = p.get("offset");
        return offsetNode != null && offsetNode.isNumber() ? offsetNode.asLong() : 0;
    }

    /**
     * Drops the updates a getUpdates offset confirms; a negative offset keeps only the last -offset
     * updates.
     */
    private void confirm(Map<String, JsonNode> p) {
        long offset = offset(p);
        if (offset > 0) {
            updates.removeIf(u -> u.path("update_id").asLong() < offset);
        } else if (offset < 0) {
            while (updates.size() > -offset) {
                updates.removeFirst();
            }
        }
    }

    private boolean deliverable(ObjectNode update) {
        String type = null;
        Iterator<String> names = update.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!n.equals("update_id")) {
                type = n;
                break;
            }
        }
        if (type == null) {
            return true;
        }
        return allowedUpdates.isEmpty()
                ? !UNREQUESTED_BY_DEFAULT.contains(type)
                : allowedUpdates.contains(type);
    }

    // === chats and messages
    // ==========================================================================================

    private record ChatOrError(ChatState chat, Reply error) {}

    /**
     * The chat of {@code chat_id}, or Telegram's error for an unknown or blocked chat; under the
     * lock.
     */
    private ChatOrError chatFor(Map<String, JsonNode> p) {
        OptionalLong id = chatIdOf(p);
        if (id.isEmpty()) {
            return new ChatOrError(null, error(400, "Bad Request: chat not found", null));
        }
        long chatId = id.getAsLong();
        if (blocked.contains(chatId)) {
            return new ChatOrError(
                    null,
                    error(
                            403,
                            chatId > 0
                                    ? "Forbidden: bot was blocked by the user"
                                    : "Forbidden: bot was kicked from the group chat",
                            null));
        }
        return new ChatOrError(chats.computeIfAbsent(chatId, ChatState::new), null);
    }

    private static OptionalLong chatIdOf(Map<String, JsonNode> p) {
        JsonNode c = p.get("chat_id");
        if (c == null) {
            return OptionalLong.empty();
        }
        if (c.isIntegralNumber()) {
            return OptionalLong.of(c.asLong());
        }
        if (c.isTextual() && c.asText().matches("-?[0-9]{1,18}")) {
            return OptionalLong.of(Long.parseLong(c.asText()));
        }
        return OptionalLong.empty();
    }

    private static boolean isSendOrEdit(String method) {
        return method.startsWith("send")
                || method.startsWith("edit")
                || method.startsWith("copy")
                || method.startsWith("forward");
    }

    private List<SentMessage> chatLocked(long chatId) {
        ChatState chat = chats.get(chatId);
        if (chat == null) {
            return List.of();
        }
        return chat.botMessages.values().stream().map(StoredMessage::view).toList();
    }

    private JsonNode inlineMarkup(JsonNode replyMarkup) {
        return replyMarkup != null && replyMarkup.isObject() && replyMarkup.has("inline_keyboard")
                ? replyMarkup.deepCopy()
                : null;
    }

    private JsonNode mediaJson(String kind, JsonNode file) {
        long seq = ++fileSeq;
        Upload upload = file.isPojo() && ((POJONode) file).getPojo() instanceof Upload u ? u : null;
        String fileId =
                upload != null
                        ? "FAKE-" + kind.toUpperCase(Locale.ROOT) + "-" + seq
                        : file.asText();
        ObjectNode o = nodes.objectNode();
        o.put("file_id", fileId);
        o.put("file_unique_id", "fake" + seq);
        if (kind.equals("photo")) {
            o.put("width", 90);
            o.put("height", 90);
            if (upload != null) {
                o.put("file_size", upload.bytes().length);
            }
            ArrayNode sizes = nodes.arrayNode();
            sizes.add(o);
            return sizes;
        }
        if (upload != null) {
            o.put("file_name", upload.fileName());
            if (upload.contentType() != null) {
                o.put("mime_type", upload.contentType());
            }
            o.put("file_size", upload.bytes().length);
        }
        return o;
    }

    private ObjectNode messageJson(StoredMessage msg) {
        ObjectNode m = nodes.objectNode();
        m.put("message_id", msg.messageId);
        m.set("from", botUser(false));
        m.set("chat", chatJson(msg.chatId));
        m.put("date", msg.date.getEpochSecond());
        if (msg.editDate != null) {
            m.put("edit_date", msg.editDate.getEpochSecond());
        }
        boolean text = msg.kind.equals("text");
        if (msg.text != null) {
            m.put(text ? "text" : "caption", msg.plainText);
            if (msg.entities != null) {
                m.set(text ? "entities" : "caption_entities", msg.entities);
            }
        }
        if (msg.media != null) {
            m.set(msg.kind, msg.media);
        }
        if (msg.inlineMarkup != null) {
            m.set("reply_markup", msg.inlineMarkup);
        }
        return m;
    }

    private ObjectNode botUser(boolean full) {
        ObjectNode u = nodes.objectNode();
        u.put("id", BOT_ID);
        u.put("is_bot", true);
        u.put("first_name", BOT_NAME);
        u.put("username", BOT_USERNAME);
        if (full) {
            u.put("can_join_groups", true);
            u.put("can_read_all_group_messages", false);
            u.put("supports_inline_queries", false);
        }
        return u;
    }

    private ObjectNode userJson(long userId) {
        ObjectNode u = nodes.objectNode();
        u.put("id", userId);
        u.put("is_bot", false);
        u.put("first_name", "User " + userId);
        String language = languages.getOrDefault(userId, "en");
        if (!language.isEmpty()) {
            u.put("language_code", language);
        }
        return u;
    }

    /**
     * The {@code language_code} the user's app reports from now on ("es-419"); "" sends none. Every
     * user reports "en" until told otherwise.
     */
    public FakeBotApi language(long userId, String languageCode) {
        lock.lock();
        try {
            languages.put(userId, languageCode);
            return this;
        } finally {
            lock.unlock();
        }
    }

    private ObjectNode chatJson(long chatId) {
        ObjectNode c = nodes.objectNode();
        c.put("id", chatId);
        if (chatId > 0) {
            c.put("type", "private");
            c.put("first_name", "User " + chatId);
        } else {
            c.put("type", chatId <= -1_000_000_000_000L ? "supergroup" : "group");
            c.put("title", "Group " + chatId);
        }
        return c;
    }

    // === update builders
    // =============================================================================================

    private ObjectNode privateTextNode(long userId, String text) {
        if (userId <= 0) {
            throw new IllegalArgumentException("A user id is positive: " + userId);
        }
        return textMessageUpdate(userId, userId, text);
    }

    private ObjectNode groupTextNode(long chatId, long userId, String text) {
        if (chatId >= 0) {
            throw new IllegalArgumentException("A group chat id is negative: " + chatId);
        }
        if (userId <= 0) {
            throw new IllegalArgumentException("A user id is positive: " + userId);
        }
        return textMessageUpdate(chatId, userId, text);
    }

    private ObjectNode textMessageUpdate(long chatId, long userId, String text) {
        lock.lock();
        try {
            ChatState chat = chats.computeIfAbsent(chatId, ChatState::new);
            int messageId = chat.nextMessageId++;
            chat.userMessages.add(messageId);
            ObjectNode message = nodes.objectNode();
            message.put("message_id", messageId);
            message.set("from", userJson(userId));
            message.set("chat", chatJson(chatId));
            message.put("date", Instant.now().getEpochSecond());
            message.put("text", text);
            ArrayNode entities = nodes.arrayNode();
            Matcher m = COMMAND_ENTITY.matcher(text);
            while (m.find()) {
                ObjectNode e = entities.addObject();
                e.put("offset", m.start());
                e.put("length", m.end() - m.start());
                e.put("type", "bot_command");
            }
            if (!entities.isEmpty()) {
                message.set("entities", entities);
            }
            ObjectNode update = nodes.objectNode();
            update.put("update_id", ++lastUpdateId);
            update.set("message", message);
            return update;
        } finally {
            lock.unlock();
        }
    }

    private ObjectNode callbackNode(long userId, long chatId, int messageId, String data) {
        if (userId <= 0) {
            throw new IllegalArgumentException("A user id is positive: " + userId);
        }
        lock.lock();
        try {
            ChatState chat = chats.get(chatId);
            StoredMessage stored = chat == null ? null : chat.botMessages.get(messageId);
            ObjectNode message;
            if (stored != null) {
                message = messageJson(stored);
            } else {
                message = nodes.objectNode();
                message.put("message_id", messageId);
                message.set("from", botUser(false));
                message.set("chat", chatJson(chatId));
                message.put("date", Instant.now().getEpochSecond());
            }
            String id = String.valueOf(4_200_000_000_000_000_000L + ++callbackSeq);
            callbackAnswered.put(id, false);
            ObjectNode query = nodes.objectNode();
            query.put("id", id);
            query.set("from", userJson(userId));
            query.set("message", message);
            query.put("chat_instance", String.valueOf(Math.abs(chatId * 31 + 7)));
            query.put("data", data);
            ObjectNode update = nodes.objectNode();
            update.put("update_id", ++lastUpdateId);
            update.set("callback_query", query);
            return update;
        } finally {
            lock.unlock();
        }
    }

    private int enqueueNode(ObjectNode update) {
        lock.lock();
        try {
            updates.addLast(update);
            changed.signalAll();
            return update.get("update_id").asInt();
        } finally {
            lock.unlock();
        }
    }

    // === helpers
    // =====================================================================================================

    private <T> T locked(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    private void awaitChange(long nanos) {
        try {
            changed.awaitNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }

    private void violation(String text) {
        lock.lock();
        try {
            violations.add(text);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Reply ok(JsonNode result) {
        return ok(result, null);
    }

    private Reply ok(JsonNode result, String description) {
        ObjectNode body = nodes.objectNode();
        body.put("ok", true);
        body.set("result", result);
        if (description != null) {
            body.put("description", description);
        }
        return new Reply(200, body);
    }

    private Reply error(int code, String description, Integer retryAfter) {
        ObjectNode body = nodes.objectNode();
        body.put("ok", false);
        body.put("error_code", code);
        body.put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        return new Reply(code, body);
    }

    private String commandKey(JsonNode scope, String language) {
        String s =
                scope == null || scope.isNull()
                        ? "default"
                        : scope.path("type").asText("default")
                                + (scope.has("chat_id") ? ":" + scope.get("chat_id").asText() : "")
                                + (scope.has("user_id") ? ":" + scope.get("user_id").asText() : "");
        return s + "|" + (language == null ? "" : language);
    }

    private static boolean bool(Map<String, JsonNode> p, String name) {
        JsonNode n = p.get(name);
        return n != null && n.isBoolean() && n.asBoolean();
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> toJavaMap(Map<String, JsonNode> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, toJava(v)));
        return Collections.unmodifiableMap(out);
    }

    private static Object toJava(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isPojo()) {
            Object pojo = ((POJONode) n).getPojo();
            if (pojo instanceof Upload u) {
                return new UploadedFile(u.fileName(), u.contentType(), u.bytes());
            }
            return pojo;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(e -> list.add(toJava(e)));
            return Collections.unmodifiableList(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        n.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
        return Collections.unmodifiableMap(map);
    }
}
