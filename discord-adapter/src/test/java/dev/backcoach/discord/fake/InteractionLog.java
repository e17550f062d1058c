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
    private final Map<Long, Trace> traces = new ConcurrentHashMap<>();

    /**
     * What became of one interaction so far: when the gateway put it on a live connection, its
     * acknowledgement (callback type, time from creation) and the messages that followed (edits of
     * {@code @original} and follow-ups), each counted once Discord accepted it.
     *
     * @param delivered from creation to the first send on a live connection; null while undelivered
     * @param ackType 0 until answered; else the callback type (4, 5, 6, 7, 8)
     * @param ackTook from creation to the callback; null until answered
     */
    public record Outcome(
            long id,
            @Nullable Duration delivered,
            int ackType,
            @Nullable Duration ackTook,
            int edits,
            int followUps) {
        /** Answered within Discord's 3 seconds. */
        public boolean acknowledgedInTime() {
            return ackTook != null && ackTook.compareTo(FakeDiscord.ACK_LIMIT) <= 0;
        }
    }

    private static final class Trace {
        final Instant created;
        volatile @Nullable Duration delivered;
        volatile int ackType;
        volatile @Nullable Duration ackTook;
        volatile int edits;
        volatile int followUps;

        Trace(Instant created) {
            this.created = created;
        }
    }

    void add(Pending pending) {
        byToken.put(pending.token(), pending);
        bodies.put(pending.id(), new CompletableFuture<>());
        traces.put(pending.id(), new Trace(pending.created()));
    }

    /** The gateway sent interaction {@code id} on a live connection (first time counts). */
    void delivered(long id) {
        Trace trace = traces.get(id);
        if (trace != null && trace.delivered == null) {
            trace.delivered = Duration.between(trace.created, Instant.now());
        }
    }

    synchronized void edited(String token) {
        Pending pending = byToken.get(token);
        Trace trace = pending == null ? null : traces.get(pending.id());
        if (trace != null) {
            trace.edits++;
        }
    }

    synchronized void followedUp(String token) {
        Pending pending = byToken.get(token);
        Trace trace = pending == null ? null : traces.get(pending.id());
        if (trace != null) {
            trace.followUps++;
        }
    }

    @Nullable Outcome outcome(long id) {
        Trace t = traces.get(id);
        return t == null
                ? null
                : new Outcome(id, t.delivered, t.ackType, t.ackTook, t.edits, t.followUps);
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
        Trace trace = traces.get(pending.id());
        if (trace != null) {
            trace.ackType = type;
            trace.ackTook = took;
        }
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
