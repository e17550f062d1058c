package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * The fake's HTTP side: upgrades {@code /gateway} to the websocket and serves {@code /api/v10}
 * strictly. A call without the bot token, to a route Discord lacks, or with a body against the
 * OpenAPI description is a violation; injected faults and rate limits come before the route.
 */
final class RestRouter {
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final DiscordSpec spec = DiscordSpec.load();
    private final Consumer<String> violations;
    private final Gateway gateway;
    private final RestFaults faults;
    private final InteractionRoutes answers;
    private final Screens screens;
    private final Payloads payloads;
    private final Commands commands;

    RestRouter(
            Consumer<String> violations,
            Gateway gateway,
            RestFaults faults,
            InteractionRoutes answers,
            Screens screens,
            Payloads payloads,
            Commands commands) {
        this.violations = violations;
        this.gateway = gateway;
        this.faults = faults;
        this.answers = answers;
        this.screens = screens;
        this.payloads = payloads;
        this.commands = commands;
    }

    /** "METHOD /path" of every REST call, in arrival order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    MockResponse handle(RecordedRequest request, String gatewayUrl) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/gateway")) {
            return new MockResponse.Builder()
                    .webSocketUpgrade(gateway.listener(gatewayUrl))
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
        if (!("Bot " + FakeDiscord.TOKEN).equals(request.getHeaders().get("Authorization"))) {
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
                                                            violations.accept(
                                                                    method + " " + path + " "
                                                                            + v)));
        }
        MockResponse failed = faults.before(method, path);
        if (failed != null) {
            return failed;
        }
        return faults.after(method, path, route(method, path, body));
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
            return Responses.ok(method.equals("PUT") ? commands.put(json) : commands.list());
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
        violations.accept(what);
        return Responses.error(status, 0, what);
    }
}
