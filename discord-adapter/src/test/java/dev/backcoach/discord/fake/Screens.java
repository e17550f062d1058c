package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every message the bot showed, per user, as it looks after its edits; and the users' DM channels.
 */
final class Screens {
    record Stored(
            long id,
            long userId,
            long channelId,
            String content,
            int flags,
            JsonNode components,
            boolean dm,
            int edits,
            List<String> files) {
        Shown shown() {
            List<List<Shown.Key>> rows = new ArrayList<>();
            for (JsonNode row : components) {
                List<Shown.Key> keys = new ArrayList<>();
                row.path("components")
                        .forEach(
                                b ->
                                        keys.add(
                                                new Shown.Key(
                                                        b.path("label").asText(),
                                                        b.path("custom_id").asText())));
                rows.add(List.copyOf(keys));
            }
            return new Shown(
                    id, userId, content, (flags & 64) != 0, dm, List.copyOf(rows), edits, files);
        }
    }

    private final Snowflakes ids;
    private final Consumer<String> violation;
    private final Map<Long, Stored> messages = new ConcurrentHashMap<>();
    private final Map<Long, List<Long>> byUser = new ConcurrentHashMap<>();
    private final Map<Long, Long> dmChannels = new ConcurrentHashMap<>();
    private final Set<Long> closedDms = ConcurrentHashMap.newKeySet();

    Screens(Snowflakes ids, Consumer<String> violation) {
        this.ids = ids;
        this.violation = violation;
    }

    Stored create(long userId, long channelId, JsonNode body, boolean dm, List<String> files) {
        Limits.check(body).forEach(v -> violation.accept("message: " + v));
        Stored stored =
                new Stored(
                        ids.next(),
                        userId,
                        channelId,
                        body.path("content").asText(""),
                        body.path("flags").asInt(),
                        body.path("components").isArray()
                                ? body.get("components")
                                : Payloads.JSON.createArrayNode(),
                        dm,
                        0,
                        files);
        messages.put(stored.id(), stored);
        byUser.computeIfAbsent(userId, u -> new CopyOnWriteArrayList<>()).add(stored.id());
        return stored;
    }

    /** Takes message {@code id}, which this fake never showed, as an empty one of the user's. */
    void adopt(long id, long userId, long channelId) {
        Stored stored =
                new Stored(
                        id,
                        userId,
                        channelId,
                        "",
                        0,
                        Payloads.JSON.createArrayNode(),
                        false,
                        0,
                        List.of());
        if (messages.putIfAbsent(id, stored) == null) {
            byUser.computeIfAbsent(userId, u -> new CopyOnWriteArrayList<>()).add(id);
        }
    }

    /** Applies the fields present in {@code body}, as Discord's PATCH and update callbacks do. */
    Stored edit(long messageId, JsonNode body, List<String> files) {
        Limits.check(body).forEach(v -> violation.accept("edit: " + v));
        return messages.compute(
                messageId,
                (id, old) ->
                        new Stored(
                                id,
                                old.userId(),
                                old.channelId(),
                                body.has("content")
                                        ? body.path("content").asText("")
                                        : old.content(),
                                old.flags(),
                                body.has("components") ? body.get("components") : old.components(),
                                old.dm(),
                                old.edits() + 1,
                                files.isEmpty() ? old.files() : files));
    }

    Stored get(long messageId) {
        return messages.get(messageId);
    }

    List<Shown> of(long userId) {
        return byUser.getOrDefault(userId, List.of()).stream()
                .map(id -> messages.get(id).shown())
                .toList();
    }

    long dmChannel(long userId) {
        return dmChannels.computeIfAbsent(userId, u -> ids.next());
    }

    /** The user whose DM channel this is, or 0. */
    long userOfDm(long channelId) {
        return dmChannels.entrySet().stream()
                .filter(e -> e.getValue() == channelId)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(0L);
    }

    void closeDms(long userId, boolean closed) {
        if (closed) {
            closedDms.add(userId);
        } else {
            closedDms.remove(userId);
        }
    }

    boolean dmsClosed(long userId) {
        return closedDms.contains(userId);
    }
}
