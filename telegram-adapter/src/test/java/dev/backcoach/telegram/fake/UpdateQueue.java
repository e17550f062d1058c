package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The updates waiting for the bot, and how they reach it: getUpdates long polling (offset confirms,
 * limit, timeout waits, a second poll is a conflict) or, once set, the webhook. Methods named for a
 * Bot API method run under the fake's lock unless they say otherwise.
 */
final class UpdateQueue {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> UNREQUESTED_BY_DEFAULT =
            Set.of("chat_member", "message_reaction", "message_reaction_count");

    private static final class PollTicket {
        boolean terminated;
    }

    private final FakeState state;
    private final ObjectMapper json = new ObjectMapper();
    // Guarded by the fake's lock.
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private int lastUpdateId;
    private List<String> allowedUpdates = List.of();
    private PollTicket activePoll;
    private Map<String, Object> webhook;

    UpdateQueue(FakeState state) {
        this.state = state;
    }

    /** The next update_id; under the lock. */
    int nextUpdateId() {
        return ++lastUpdateId;
    }

    /** Updates queued and not yet confirmed; under the lock. */
    int pending() {
        return updates.size();
    }

    /** The webhook's settings as sent, or null; under the lock. */
    Map<String, Object> webhook() {
        return webhook;
    }

    /** Any update, as {@link FakeBotApi#enqueue}; takes the lock. */
    int enqueue(String rawUpdateJson) {
        JsonNode node;
        try {
            node = json.readTree(rawUpdateJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + rawUpdateJson, e);
        }
        if (!(node instanceof ObjectNode update)) {
            throw new IllegalArgumentException("An update is a JSON object: " + rawUpdateJson);
        }
        state.lock();
        try {
            if (update.has("update_id")) {
                lastUpdateId = Math.max(lastUpdateId, update.get("update_id").asInt());
            } else {
                ObjectNode withId = NODES.objectNode();
                withId.put("update_id", ++lastUpdateId);
                withId.setAll(update);
                update = withId;
            }
            updates.addLast(update);
            state.signalAll();
            return update.get("update_id").asInt();
        } finally {
            state.unlock();
        }
    }

    /** Queues a built update; takes the lock. */
    int add(ObjectNode update) {
        state.lock();
        try {
            updates.addLast(update);
            state.signalAll();
            return update.get("update_id").asInt();
        } finally {
            state.unlock();
        }
    }

    ApiReply deleteWebhook(Map<String, JsonNode> p) {
        webhook = null;
        if (ParamValues.bool(p, "drop_pending_updates")) {
            updates.clear();
        }
        return ApiReply.ok(BooleanNode.TRUE, "Webhook was deleted");
    }

    ApiReply setWebhook(Map<String, JsonNode> p) {
        String url = ParamValues.textOrNull(p.get("url"));
        if (url == null || url.isEmpty()) {
            webhook = null;
            return ApiReply.ok(BooleanNode.TRUE, "Webhook was deleted");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        p.forEach(
                (k, value) -> {
                    if (!k.equals("certificate")) {
                        settings.put(k, ParamValues.toJava(value));
                    }
                });
        settings.put("has_custom_certificate", p.containsKey("certificate"));
        webhook = settings;
        if (ParamValues.bool(p, "drop_pending_updates")) {
            updates.clear();
        }
        if (activePoll != null) {
            activePoll.terminated = true;
        }
        return ApiReply.ok(BooleanNode.TRUE, "Webhook was set");
    }

    ObjectNode webhookInfo() {
        ObjectNode info = NODES.objectNode();
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

    /** Long polling; takes the lock and waits on it. */
    ApiReply getUpdates(Map<String, JsonNode> p) {
        PollTicket me = new PollTicket();
        state.lock();
        try {
            if (webhook != null) {
                state.violation("getUpdates: called while a webhook is set -> 409");
                return ApiReply.error(
                        409,
                        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
                                + "delete the webhook first",
                        null);
            }
            if (activePoll != null) {
                activePoll.terminated = true;
                state.violation(
                        "getUpdates: a second getUpdates arrived while another was waiting (two bot instances polling?); "
                                + "the earlier one is answered 409 Conflict, as Telegram does");
            }
            activePoll = me;
            state.signalAll();
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
                    return ApiReply.error(
                            409,
                            webhook != null
                                    ? "Conflict: terminated by setWebhook request"
                                    : "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                            null);
                }
                ArrayNode batch = NODES.arrayNode();
                if (!state.closed()) {
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
                if (!batch.isEmpty() || remaining <= 0 || state.closed()) {
                    return ApiReply.ok(batch);
                }
                state.awaitChange(remaining);
            }
        } finally {
            if (activePoll == me) {
                activePoll = null;
            }
            state.unlock();
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
    void confirm(Map<String, JsonNode> p) {
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
}
