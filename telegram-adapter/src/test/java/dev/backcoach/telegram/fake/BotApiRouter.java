package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.backcoach.telegram.fake.BotApiSpec.Definition;
import dev.backcoach.telegram.fake.FakeBotApi.Call;
import dev.backcoach.telegram.fake.FaultPlan.Failure;
import dev.backcoach.telegram.fake.SpecValidator.Issue;
import dev.backcoach.telegram.fake.SpecValidator.Validation;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side: {@code /bot<token>/<method>}, the method matched case-insensitively against the
 * spec. Every request is validated ({@link SpecValidator}) and logged as a call; each problem
 * becomes a violation. Where Telegram would refuse the request the fake answers with Telegram's
 * error, where Telegram would silently accept it (an unknown parameter, a number sent as a JSON
 * string) the fake accepts it too. A wrong token (401), an unknown method (404) and going over the
 * rate limits are violations as well. Then come the planned faults, and the method itself.
 *
 * <p>Deliberately tolerated: the {@code "method"} key telegrambots puts into every JSON body (it
 * names the method of the URL; any other value is a violation), and an empty {@code
 * caption_entities}/{@code allowed_updates} array it sends in every multipart request.
 */
final class BotApiRouter {

    private static final Pattern PATH = Pattern.compile("^/bot([^/]*)/([^/]+)$");
    private static final Set<String> RATE_METHODS =
            Set.of("sendMessage", "editMessageText", "sendDocument", "sendPhoto");

    private final String token;
    private final BotApiSpec spec;
    private final SpecValidator validator;
    private final FakeState state;
    private final FaultPlan faults;
    private final UpdateQueue queue;
    private final BotApiMethods methods;
    private final ObjectMapper json = new ObjectMapper();
    final RateWatch rates = new RateWatch(30, 3, 20); // guarded by the fake's lock
    volatile LongSupplier nanoTime = System::nanoTime;

    BotApiRouter(
            String token,
            BotApiSpec spec,
            FakeState state,
            FaultPlan faults,
            UpdateQueue queue,
            BotApiMethods methods) {
        this.token = token;
        this.spec = spec;
        this.validator = new SpecValidator(spec);
        this.state = state;
        this.faults = faults;
        this.queue = queue;
        this.methods = methods;
    }

    void handle(HttpExchange ex) {
        try (ex) {
            ApiReply reply;
            try {
                reply = route(ex);
            } catch (RuntimeException e) {
                if (state.locked(() -> state.closed())) {
                    return;
                }
                state.violation(
                        "fake Bot API: internal error on "
                                + ex.getRequestURI().getPath()
                                + ": "
                                + e);
                reply = ApiReply.error(500, "Internal Server Error: " + e, null);
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

    private ApiReply route(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String path = ex.getRequestURI().getRawPath();
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            state.violation(
                    "HTTP "
                            + ex.getRequestMethod()
                            + " "
                            + path
                            + ": not a Bot API path (expected /bot<token>/<method>)");
            return ApiReply.error(404, "Not Found", null);
        }
        String sentToken = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        String methodName = m.group(2);
        if (!sentToken.equals(token)) {
            state.violation(
                    methodName
                            + ": wrong bot token \""
                            + sentToken
                            + "\" (HTTP "
                            + ex.getRequestMethod()
                            + " "
                            + path
                            + ") -> 401 Unauthorized");
            return ApiReply.error(401, "Unauthorized", null);
        }
        Optional<Definition> found = spec.method(methodName);
        if (found.isEmpty()) {
            state.violation(
                    methodName + ": no such method in the Bot API (" + spec.version() + ") -> 404");
            return ApiReply.error(404, "Not Found: method not found", null);
        }
        Definition method = found.get();

        RequestParams request = new RequestParams();
        ApiReply unreadable = request.read(ex, body, method, methodName, state);
        if (unreadable != null) {
            return unreadable;
        }
        Validation validation =
                validator.validateRequest(
                        method, request.raw, request.stringTransport, request.files);
        Call call =
                new Call(method.name(), ParamValues.toJavaMap(validation.params()), Instant.now());
        FaultPlan.Outcome outcome;
        state.lock();
        try {
            state.calls.add(call);
            for (String p : request.transportProblems) {
                state.violations.add(method.name() + ": " + p);
            }
            for (Issue issue : validation.issues()) {
                state.violations.add(
                        method.name()
                                + ": "
                                + issue.path()
                                + ": "
                                + issue.problem()
                                + (issue.rejected() ? " -> 400 \"" + errorOf(issue) + "\"" : ""));
            }
            if (RATE_METHODS.contains(method.name())) {
                OptionalLong chat = ParamValues.chatIdOf(validation.params());
                if (chat.isPresent()) {
                    rates.record(method.name(), chat.getAsLong(), nanoTime.getAsLong())
                            .ifPresent(state.violations::add);
                }
            }
            outcome = faults.next(method.name(), nanoTime.getAsLong());
            if (method.name().equals("getUpdates")
                    && outcome.failure() == null
                    && validation.firstRejection().isEmpty()
                    && queue.webhook() == null) {
                // Confirm at once, so that whoever sees this call in calls() also sees the
                // confirmed updates gone.
                queue.confirm(validation.params());
            }
            state.signalAll();
        } finally {
            state.unlock();
        }
        Failure failure = outcome.failure();
        if (!method.name().equals("getUpdates")) {
            pause(outcome.delay());
        }
        if (failure != null) {
            return ApiReply.error(failure.code(), failure.description(), failure.retryAfter());
        }
        Optional<Issue> rejection = validation.firstRejection();
        if (rejection.isPresent()) {
            return ApiReply.error(400, errorOf(rejection.get()), null);
        }
        if (method.name().equals("getUpdates")) {
            return queue.getUpdates(validation.params());
        }
        ApiReply reply;
        state.lock();
        try {
            reply = methods.execute(method, validation);
            state.signalAll();
        } finally {
            state.unlock();
        }
        pause(outcome.lateAnswer()); // carried out already: only the answer is late
        return reply;
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
}
