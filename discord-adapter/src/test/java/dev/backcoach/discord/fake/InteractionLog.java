package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** The interactions the fake sent and how each was answered: once, within 3 seconds. */
public final class InteractionLog {

    /**
     * An interaction waiting for or past its answer. {@code messageId} is the clicked message, else
     * 0.
     */
    record Pending(
            long id, String token, long userId, long channelId, long messageId, Instant created) {}

    /**
     * How an interaction was answered.
     *
     * @param type 4 reply, 5 deferred reply, 6 deferred edit, 7 edit in place, 8 autocomplete
     *     choices
     * @param flags the message flags (64: ephemeral)
     * @param took from the event to the answer; Discord refuses answers after 3 seconds
     */
    public record Answer(long interactionId, int type, int flags, Duration took) {
        public boolean ephemeral() {
            return (flags & 64) != 0;
        }
    }

    private final Map<String, Pending> byToken = new ConcurrentHashMap<>();
    private final Map<String, Long> originals = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<JsonNode>> bodies = new ConcurrentHashMap<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    void add(Pending pending) {
        byToken.put(pending.token(), pending);
        bodies.put(pending.id(), new CompletableFuture<>());
    }

    @Nullable Pending get(String token) {
        return byToken.get(token);
    }

    /** Records the answer; returns why Discord would refuse it, or null. */
    synchronized @Nullable String acknowledge(
            Pending pending, int type, int flags, Duration took, JsonNode body) {
        CompletableFuture<JsonNode> answered = bodies.get(pending.id());
        if (answered.isDone()) {
            return "interaction "
                    + pending.id()
                    + " answered twice (40060 Interaction has already been acknowledged)";
        }
        answered.complete(body);
        answers.add(new Answer(pending.id(), type, flags, took));
        if (took.compareTo(FakeDiscord.ACK_LIMIT) > 0) {
            return "interaction "
                    + pending.id()
                    + " answered after "
                    + took.toMillis()
                    + " ms (10062 Unknown interaction)";
        }
        return null;
    }

    void setOriginal(String token, long messageId) {
        originals.put(token, messageId);
    }

    @Nullable Long original(String token) {
        return originals.get(token);
    }

    JsonNode awaitAnswer(long interactionId, Duration max) {
        CompletableFuture<JsonNode> body = bodies.get(interactionId);
        FakeDiscord.await(body, max);
        return body.join();
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }
}
