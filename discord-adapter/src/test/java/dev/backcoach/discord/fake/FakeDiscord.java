package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
    private final Commands commands = new Commands(ids, payloads.applicationId);
    private final RestFaults faults = new RestFaults(violations::add);
    private final UserInputs inputs =
            new UserInputs(ids, payloads, screens, interactions, gateway, commands);
    private final RestRouter rest =
            new RestRouter(
                    violations::add,
                    gateway,
                    faults,
                    new InteractionRoutes(interactions, screens, payloads, violations::add),
                    screens,
                    payloads,
                    commands);

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
                        return fake.rest.handle(request, fake.gatewayUrl());
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

    /**
     * A slash command typed by {@code userId} in {@code guildId}'s channel, or in the bot's DM when
     * 0. Each option goes with the type the bot registered for it, as Discord sends it (an integer
     * as a number, a boolean as true or false).
     */
    public long slash(long userId, long guildId, String name, Map<String, String> options) {
        return inputs.slash(userId, guildId, name, options);
    }

    /** A click by {@code userId} on the button {@code customId} of message {@code messageId}. */
    public long click(long userId, long guildId, long messageId, String customId) {
        return inputs.click(userId, guildId, messageId, customId);
    }

    /**
     * Types {@code typed} into {@code option} of {@code command}; returns the names the bot offers.
     */
    public List<String> autocomplete(long userId, String command, String option, String typed) {
        return inputs.autocomplete(userId, command, option, typed);
    }

    /**
     * A well-formed INTERACTION_CREATE body of {@code type} by {@code userId} in {@code guildId}'s
     * channel (the bot's DM when 0) carrying {@code data}; a component's comes on a message. For
     * tests to bend, then send with {@link #injectRaw}.
     */
    public ObjectNode interaction(int type, long userId, long guildId, ObjectNode data) {
        return inputs.interaction(type, userId, guildId, data);
    }

    /**
     * Sends {@code interaction} through the gateway exactly as given (a fuzzed INTERACTION_CREATE,
     * whatever its fields). Answers naming its id and token are taken as for any interaction.
     *
     * @return the id it was logged under (its own id when that is a number)
     */
    public long injectRaw(ObjectNode interaction) {
        return inputs.injectRaw(interaction);
    }

    /** The client language {@code userId}'s interactions report from now on ("es-ES", "ru"). */
    public FakeDiscord locale(long userId, String locale) {
        payloads.locale(userId, locale);
        return this;
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
        return commands.copy();
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
        return rest.calls();
    }

    public long calls(String method, String pathRegex) {
        return rest.calls().stream().filter(c -> c.matches(method + " " + pathRegex)).count();
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
