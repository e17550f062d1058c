package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;

/**
 * The fake's gateway: HELLO, IDENTIFY → READY, heartbeat ACKs, RESUME → the missed events and
 * RESUMED. Dispatches are numbered per session and kept, so events sent while a shard is
 * disconnected arrive when it resumes, as on Discord.
 */
final class Gateway {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One shard's session: survives reconnects until the client identifies anew. */
    static final class Session {
        final String id = UUID.randomUUID().toString();
        final int shard;
        final List<ObjectNode> dispatches = new ArrayList<>();
        @Nullable WebSocket socket;

        Session(int shard) {
            this.shard = shard;
        }
    }

    private final String token;
    private final Payloads payloads;
    private final Consumer<String> violation;
    private final Map<Integer, Session> byShard = new ConcurrentHashMap<>();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicInteger refusedResumes = new AtomicInteger();
    private final Consumer<JsonNode> sent;
    private volatile int shardTotal = 1;

    /**
     * @param sent told of each dispatch put on a live connection (a replay on resume again)
     */
    Gateway(String token, Payloads payloads, Consumer<String> violation, Consumer<JsonNode> sent) {
        this.token = token;
        this.payloads = payloads;
        this.violation = violation;
        this.sent = sent;
    }

    WebSocketListener listener(String resumeUrl) {
        return new WebSocketListener() {
            @Override
            public void onOpen(WebSocket socket, Response response) {
                socket.send(
                        "{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
            }

            @Override
            public void onMessage(WebSocket socket, String text) {
                try {
                    receive(socket, JSON.readTree(text), resumeUrl);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void onClosing(WebSocket socket, int code, String reason) {
                socket.close(code, null); // echo the close frame, or the client waits ~10 s for it
                detach(socket);
            }

            @Override
            public void onFailure(WebSocket socket, Throwable t, @Nullable Response response) {
                detach(socket);
            }
        };
    }

    private synchronized void receive(WebSocket socket, JsonNode frame, String resumeUrl) {
        JsonNode d = frame.path("d");
        switch (frame.path("op").asInt(-1)) {
            case 1 -> socket.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
            case 2 -> {
                if (!token.equals(d.path("token").asText())) {
                    socket.close(4004, "Authentication failed.");
                    return;
                }
                identifies.incrementAndGet();
                int shard = d.path("shard").isArray() ? d.path("shard").get(0).asInt() : 0;
                shardTotal = d.path("shard").isArray() ? d.path("shard").get(1).asInt() : 1;
                Session session = new Session(shard);
                session.socket = socket;
                byShard.put(shard, session);
                dispatch(
                        session, "READY", payloads.ready(session.id, resumeUrl, shard, shardTotal));
            }
            case 6 -> resume(socket, d);
            case 3, 4, 8 -> {} // presence, voice, member requests: nothing to do for a text bot
            default -> violation.accept("gateway: unexpected frame " + frame);
        }
    }

    private void resume(WebSocket socket, JsonNode d) {
        Session session =
                byShard.values().stream()
                        .filter(s -> s.id.equals(d.path("session_id").asText()))
                        .findFirst()
                        .orElse(null);
        if (session == null || !token.equals(d.path("token").asText())) {
            refusedResumes.incrementAndGet();
            // Invalid session, not resumable: the client must identify anew.
            socket.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
            return;
        }
        resumes.incrementAndGet();
        session.socket = socket;
        long seen = d.path("seq").asLong();
        for (ObjectNode missed : session.dispatches) {
            if (missed.get("s").asLong() > seen && socket.send(missed.toString())) {
                sent.accept(missed);
            }
        }
        dispatch(session, "RESUMED", JSON.createObjectNode());
    }

    private synchronized void detach(WebSocket socket) {
        byShard.values()
                .forEach(
                        s -> {
                            if (s.socket == socket) {
                                s.socket = null;
                            }
                        });
    }

    /**
     * Sends {@code t} to the shard that serves {@code guildId} (0 for DMs), now or when it resumes.
     */
    synchronized void dispatch(long guildId, String type, JsonNode data) {
        int shard = guildId == 0 ? 0 : (int) ((guildId >> 22) % shardTotal);
        Session session = byShard.get(shard);
        if (session == null) {
            throw new IllegalStateException("no session on shard " + shard + " yet");
        }
        dispatch(session, type, data);
    }

    private void dispatch(Session session, String type, JsonNode data) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("op", 0);
        frame.put("s", session.dispatches.size() + 1);
        frame.put("t", type);
        frame.set("d", data);
        session.dispatches.add(frame);
        if (session.socket != null && session.socket.send(frame.toString())) {
            sent.accept(frame);
        }
    }

    /** Drops every connection as a network failure would (close 4000: resumable). */
    synchronized void drop() {
        drop(true);
    }

    /**
     * Drops every connection; unless {@code resumable}, the sessions are forgotten too, so a RESUME
     * is refused (op 9) and what was sent to them meanwhile is lost, as on Discord.
     */
    synchronized void drop(boolean resumable) {
        for (Map.Entry<Integer, Session> entry : byShard.entrySet()) {
            Session session = entry.getValue();
            if (session.socket != null) {
                session.socket.close(4000, "Unknown error");
                session.socket = null;
            }
            if (!resumable) {
                Session forgotten = new Session(session.shard);
                entry.setValue(forgotten); // events until the next IDENTIFY go nowhere
            }
        }
    }

    synchronized boolean connected(int shard) {
        Session session = byShard.get(shard);
        return session != null && session.socket != null;
    }

    int identifies() {
        return identifies.get();
    }

    int resumes() {
        return resumes.get();
    }

    int refusedResumes() {
        return refusedResumes.get();
    }
}
