package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * A strict, in-JVM Discord for tests: REST ({@code /api/v10/...}) and the gateway websocket ({@code
 * /gateway}) on one local port, driven by the real JDA client. Every request body is checked
 * against Discord's OpenAPI description and message limits; any breach, an unknown route, a bad
 * token, a second or late (over 3 s) interaction answer is recorded as a violation for {@link
 * #assertNoViolations()}. Tests inject slash commands, clicks and autocomplete, read each user's
 * screen, close a user's DMs (50007), answer with 429 and drop the gateway.
 */
public final class FakeDiscord implements AutoCloseable {
    /** A token in Discord's shape; the fake accepts no other. */
    public static final String TOKEN =
            "MTAwMDAwMDAwMDAwMDAwMDAw.GfAkEd.fake-token_for-tests-0123456789";

    static final Duration ACK_LIMIT = Duration.ofSeconds(3);

    private final MockWebServer server = new MockWebServer();
    private final Snowflakes ids = new Snowflakes();
    private final Payloads payloads = new Payloads(ids.next(), ids.next());
    private final DiscordSpec spec = DiscordSpec.load();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final InteractionLog interactions = new InteractionLog();
    private final Gateway gateway =
            new Gateway(
                    TOKEN,
                    payloads,
                    violations::add,
                    frame -> {
                        if ("INTERACTION_CREATE".equals(frame.path("t").asText())) {
                            interactions.delivered(frame.path("d").path("id").asLong());
                        }
                    });
    private final Screens screens = new Screens(ids, violations::add);
    private final InteractionRoutes answers =
            new InteractionRoutes(interactions, screens, payloads, violations::add);
    private final Map<String, ObjectNode> commands = new LinkedHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final RestFaults faults = new RestFaults(violations::add);

    /**
     * A failure for one REST call: {@code status} 429 (with Retry-After {@code retryAfter} s,
     * per-route or {@code global}) or an error status such as 500 or 503.
     */
    public record Fault(int status, double retryAfter, boolean global) {}

    /** Decides, call by call, whether a REST call fails and how; null serves it. */
    @FunctionalInterface
    public interface Faults {
        @Nullable Fault next(String method, String path);
    }

    private FakeDiscord() {}

    public static FakeDiscord start() throws IOException {
        FakeDiscord fake = new FakeDiscord();
        fake.server.setDispatcher(
                new Dispatcher() {
                    @Override
                    public MockResponse dispatch(RecordedRequest request) {
                        return fake.handle(request);
                    }
                });
        fake.server.start();
        return fake;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + server.getPort() + "/gateway";
    }

    public long applicationId() {
        return payloads.applicationId;
    }

    // ---- what users do ----

    /**
     * A slash command typed by {@code userId} in {@code guildId}'s channel, or in the bot's DM when
     * 0. Each option goes with the type the bot registered for it, as Discord sends it (an integer
     * as a number, a boolean as true or false).
     */
    public long slash(long userId, long guildId, String name, Map<String, String> options) {
        ObjectNode data = Payloads.JSON.createObjectNode();
        data.put("id", Long.toString(commandId(name)));
        data.put("name", name);
        data.put("type", 1);
        ArrayNode opts = data.putArray("options");
        options.forEach(
                (k, v) -> {
                    int type = optionType(name, k);
                    ObjectNode option = opts.addObject().put("name", k).put("type", type);
                    switch (type) {
                        case 4 -> option.put("value", Long.parseLong(v));
                        case 5 -> option.put("value", Boolean.parseBoolean(v));
                        default -> option.put("value", v);
                    }
                });
        return inject(2, userId, guildId, data, null);
    }

    /** The registered type of a command's option; 3 (string) when not registered. */
    private int optionType(String command, String option) {
        synchronized (commands) {
            ObjectNode registered = commands.get(command);
            if (registered != null) {
                for (JsonNode o : registered.path("options")) {
                    if (o.path("name").asText().equals(option)) {
                        return o.path("type").asInt(3);
                    }
                }
            }
            return 3;
        }
    }

    /** A click by {@code userId} on the button {@code customId} of message {@code messageId}. */
    public long click(long userId, long guildId, long messageId, String customId) {
        Screens.Stored on = screens.get(messageId);
        if (on == null) {
            throw new IllegalArgumentException("no message " + messageId);
        }
        ObjectNode data = Payloads.JSON.createObjectNode();
        data.put("custom_id", customId);
        data.put("component_type", 2);
        return inject(
                3,
                userId,
                guildId,
                data,
                payloads.message(
                        on.id(), on.channelId(), on.content(), on.flags(), on.components(), null));
    }

    /**
     * Types {@code typed} into {@code option} of {@code command}; returns the names the bot offers.
     */
    public List<String> autocomplete(long userId, String command, String option, String typed) {
        ObjectNode data = Payloads.JSON.createObjectNode();
        data.put("id", Long.toString(commandId(command)));
        data.put("name", command);
        data.put("type", 1);
        data.putArray("options")
                .addObject()
                .put("name", option)
                .put("type", 3)
                .put("value", typed)
                .put("focused", true);
        long id = inject(4, userId, 0, data, null);
        JsonNode answer = interactions.awaitAnswer(id, Duration.ofSeconds(20));
        List<String> names = new ArrayList<>();
        answer.path("data").path("choices").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    private long inject(
            int type, long userId, long guildId, ObjectNode data, @Nullable JsonNode message) {
        long id = ids.next();
        String token = "itoken-" + id;
        long channel = guildId == 0 ? screens.dmChannel(userId) : guildId + 1;
        interactions.add(
                new InteractionLog.Pending(
                        id,
                        token,
                        userId,
                        channel,
                        message == null ? 0 : message.path("id").asLong(),
                        Instant.now()));
        gateway.dispatch(
                guildId,
                "INTERACTION_CREATE",
                payloads.interaction(id, token, type, userId, guildId, channel, data, message));
        return id;
    }

    /**
     * A well-formed INTERACTION_CREATE body of {@code type} by {@code userId} in {@code guildId}'s
     * channel (the bot's DM when 0) carrying {@code data}; a component's comes on a message. For
     * tests to bend, then send with {@link #injectRaw}.
     */
    public ObjectNode interaction(int type, long userId, long guildId, ObjectNode data) {
        long id = ids.next();
        long channel = guildId == 0 ? screens.dmChannel(userId) : guildId + 1;
        JsonNode message =
                type == 3
                        ? payloads.message(
                                ids.next(), channel, "", 0, Payloads.JSON.createArrayNode(), null)
                        : null;
        return payloads.interaction(
                id, "itoken-" + id, type, userId, guildId, channel, data, message);
    }

    /**
     * Sends {@code interaction} through the gateway exactly as given (a fuzzed INTERACTION_CREATE,
     * whatever its fields). Answers naming its id and token are taken as for any interaction.
     *
     * @return the id it was logged under (its own id when that is a number)
     */
    public long injectRaw(ObjectNode interaction) {
        long id = number(interaction.path("id").asText(""), ids.next());
        JsonNode user =
                interaction.path("member").path("user").isObject()
                        ? interaction.path("member").path("user")
                        : interaction.path("user");
        interactions.add(
                new InteractionLog.Pending(
                        id,
                        interaction.path("token").asText(""),
                        number(user.path("id").asText(""), 0),
                        number(interaction.path("channel_id").asText(""), 0),
                        number(interaction.path("message").path("id").asText(""), 0),
                        Instant.now()));
        gateway.dispatch(0, "INTERACTION_CREATE", interaction);
        return id;
    }

    private static long number(String text, long otherwise) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private long commandId(String name) {
        synchronized (commands) {
            ObjectNode command = commands.get(name);
            return command == null ? 0 : command.path("id").asLong();
        }
    }

    // ---- what tests read and arrange ----

    /** Everything {@code userId} was shown, oldest first, each as it looks now. */
    public List<Shown> screen(long userId) {
        return screens.of(userId);
    }

    public @Nullable Shown last(long userId) {
        List<Shown> screen = screen(userId);
        return screen.isEmpty() ? null : screen.get(screen.size() - 1);
    }

    public Map<String, JsonNode> commands() {
        synchronized (commands) {
            return Map.copyOf(commands);
        }
    }

    /**
     * Answers to interactions in order: type (4 reply, 5 deferred, 6 deferred edit, 7 edit, 8
     * choices) and flags.
     */
    public List<InteractionLog.Answer> answers() {
        return interactions.answers();
    }

    /** "METHOD /path" of every REST call, in arrival order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public long calls(String method, String pathRegex) {
        return calls.stream().filter(c -> c.matches(method + " " + pathRegex)).count();
    }

    /** Sending to this user's DMs now fails with 403, code 50007, as when they closed their DMs. */
    public void closeDms(long userId) {
        screens.closeDms(userId, true);
    }

    public void openDms(long userId) {
        screens.closeDms(userId, false);
    }

    /**
     * The next {@code count} calls matching get {@code status}; 429 comes with Retry-After {@code
     * seconds}.
     */
    public void failNext(String method, String pathRegex, int count, int status, double seconds) {
        faults.failNext(method, pathRegex, count, status, seconds);
    }

    /** From now on, {@code policy} decides which REST calls fail (after {@link #failNext}). */
    public void faults(Faults policy) {
        faults.policy(policy);
    }

    /**
     * Strict rate limits from now on: every route and major parameter allows {@code limit} calls
     * per {@code window}; answers carry the bucket headers, and a call the headers (or a 429's
     * Retry-After, or a global 429) said to hold back is a violation.
     */
    public FakeDiscord rateBuckets(int limit, Duration window) {
        faults.buckets(limit, window.toMillis());
        return this;
    }

    /** Failures served so far by kind ("429 route", "429 global", "503", ...). */
    public Map<String, Integer> injected() {
        return faults.injected();
    }

    /**
     * Drops every gateway connection (close 4000, resumable); events injected meanwhile wait for
     * the resume.
     */
    public void dropGateway() {
        gateway.drop();
    }

    /**
     * Drops every gateway connection; unless {@code resumable}, the session is forgotten too: the
     * client's RESUME is refused and it must identify anew, and events meanwhile are lost.
     */
    public void dropGateway(boolean resumable) {
        gateway.drop(resumable);
    }

    public int refusedResumes() {
        return gateway.refusedResumes();
    }

    /** What became of interaction {@code id} so far; null for an id this fake never sent. */
    public InteractionLog.@Nullable Outcome outcome(long id) {
        return interactions.outcome(id);
    }

    public boolean gatewayConnected() {
        return gateway.connected(0);
    }

    public int identifies() {
        return gateway.identifies();
    }

    public int resumes() {
        return gateway.resumes();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The violations so far, which then no longer count: for a test whose point is one. */
    public synchronized List<String> takeViolations() {
        List<String> taken = List.copyOf(violations);
        violations.removeAll(taken);
        return taken;
    }

    public void assertNoViolations() {
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    "the bot broke Discord's rules:\n" + String.join("\n", violations));
        }
    }

    @Override
    public void close() throws IOException {
        gateway.drop();
        server.close();
    }

    // ---- REST ----

    private MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/gateway")) {
            return new MockResponse.Builder()
                    .webSocketUpgrade(gateway.listener(gatewayUrl()))
                    .build();
        }
        if (!path.startsWith("/api/v10/")) {
            return violation(404, "request outside /api/v10: " + request.getMethod() + " " + path);
        }
        return rest(request, path.substring("/api/v10".length()));
    }

    private MockResponse rest(RecordedRequest request, String path) {
        String method = request.getMethod();
        calls.add(method + " " + path);
        if (!("Bot " + TOKEN).equals(request.getHeaders().get("Authorization"))) {
            return violation(401, "request without the bot token: " + method + " " + path);
        }
        if (!spec.knows(method, path)) {
            return violation(404, "no such route in Discord's API: " + method + " " + path);
        }
        Bodies.Body body;
        try {
            body = Bodies.parse(request);
        } catch (IOException e) {
            return violation(
                    400, "unreadable body of " + method + " " + path + ": " + e.getMessage());
        }
        if (!body.problems().isEmpty()) {
            return violation(
                    400,
                    method + " " + path + " refused upload: " + String.join("; ", body.problems()));
        }
        if (body.json() != null) {
            JsonNode json = body.json();
            spec.requestSchema(method, path)
                    .ifPresent(
                            schema ->
                                    spec.violations(schema, json)
                                            .forEach(
                                                    v ->
                                                            violations.add(
                                                                    method + " " + path + " "
                                                                            + v)));
        }
        MockResponse failed = faults.before(method, path);
        if (failed != null) {
            return failed;
        }
        return faults.after(method, path, route(method, path, body));
    }

    /** The client language {@code userId}'s interactions report from now on ("es-ES", "ru"). */
    public FakeDiscord locale(long userId, String locale) {
        payloads.locale(userId, locale);
        return this;
    }

    private MockResponse route(String method, String path, Bodies.Body body) {
        JsonNode json = body.json() == null ? Payloads.JSON.createObjectNode() : body.json();
        Matcher m;
        if (method.equals("GET") && path.equals("/users/@me")) {
            return Responses.ok(payloads.self());
        }
        if ((m = match("/applications/(\\d+)/commands", path)) != null) {
            if (Long.parseUnsignedLong(m.group(1)) != payloads.applicationId) {
                return violation(404, "commands of another application: " + path);
            }
            return method.equals("PUT") ? putCommands(json) : Responses.ok(commandList());
        }
        if (method.equals("POST")
                && (m = match("/interactions/(\\d+)/([^/]+)/callback", path)) != null) {
            return answers.callback(
                    Long.parseUnsignedLong(m.group(1)), m.group(2), json, body.files());
        }
        if (method.equals("PATCH")
                && (m = match("/webhooks/(\\d+)/([^/]+)/messages/@original", path)) != null) {
            return answers.editOriginal(m.group(2), json, body.files());
        }
        if (method.equals("POST") && (m = match("/webhooks/(\\d+)/([^/]+)", path)) != null) {
            return answers.followUp(m.group(2), json, body.files());
        }
        if (method.equals("POST") && path.equals("/users/@me/channels")) {
            long user = json.path("recipient_id").asLong();
            ObjectNode channel = Payloads.JSON.createObjectNode();
            channel.put("id", Long.toString(screens.dmChannel(user)));
            channel.put("type", 1);
            channel.putArray("recipients").add(payloads.user(user, "user" + user, false));
            return Responses.ok(channel);
        }
        if (method.equals("POST") && (m = match("/channels/(\\d+)/messages", path)) != null) {
            return directMessage(Long.parseUnsignedLong(m.group(1)), json, body.files());
        }
        return violation(404, "the fake does not serve " + method + " " + path);
    }

    private MockResponse putCommands(JsonNode list) {
        synchronized (commands) {
            commands.clear();
            for (JsonNode command : list) {
                ObjectNode stored = command.deepCopy();
                stored.put("id", Long.toString(ids.next()));
                stored.put("application_id", Long.toString(payloads.applicationId));
                stored.put("version", Long.toString(ids.next()));
                stored.put("type", command.path("type").asInt(1));
                if (!stored.has("nsfw")) {
                    stored.put("nsfw", false);
                }
                commands.put(command.path("name").asText(), stored);
            }
            return Responses.ok(commandList());
        }
    }

    private ArrayNode commandList() {
        synchronized (commands) {
            ArrayNode array = Payloads.JSON.createArrayNode();
            commands.values().forEach(array::add);
            return array;
        }
    }

    private MockResponse directMessage(long channelId, JsonNode body, List<String> files) {
        long user = screens.userOfDm(channelId);
        if (user == 0) {
            return violation(404, "message to unknown channel " + channelId);
        }
        if (screens.dmsClosed(user)) {
            return Responses.error(403, 50007, "Cannot send messages to this user");
        }
        Screens.Stored created = screens.create(user, channelId, body, true, files);
        return Responses.ok(
                payloads.message(
                        created.id(),
                        channelId,
                        created.content(),
                        created.flags(),
                        created.components(),
                        null));
    }

    private static @Nullable Matcher match(String regex, String path) {
        Matcher m = Pattern.compile(regex).matcher(path);
        return m.matches() ? m : null;
    }

    private MockResponse violation(int status, String what) {
        violations.add(what);
        return Responses.error(status, 0, what);
    }

    static void await(CompletableFuture<?> future, Duration max) {
        try {
            future.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the bot did not answer within " + max, e);
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
