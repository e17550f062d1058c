package dev.backcoach.core.service;

import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A store that forgets on restart: for tests, benchmarks and trying the bot out. */
public final class InMemoryStateStore implements StateStore {
    private final ConcurrentMap<UserKey, Session> sessions = new ConcurrentHashMap<>();
    private final ConcurrentMap<UserKey, Map<String, List<Reply>>> events =
            new ConcurrentHashMap<>();
    private final ConcurrentMap<UserKey, Map<String, Integer>> ratings = new ConcurrentHashMap<>();
    private final ConcurrentMap<UserKey, Map<String, Integer>> practice = new ConcurrentHashMap<>();

    @Override
    public Optional<Session> load(UserKey user) {
        return Optional.ofNullable(sessions.get(user));
    }

    @Override
    public void commit(TurnRecord turn) {
        UserKey user = turn.session().user();
        sessions.compute(
                user,
                (key, stored) -> {
                    List<Reply> earlier =
                            turn.eventId().isEmpty()
                                    ? null
                                    : events.getOrDefault(key, Map.of()).get(turn.eventId());
                    if (earlier != null) {
                        throw new DuplicateEventException(
                                "event of a " + key.platform() + " user committed before", earlier);
                    }
                    long storedVersion = stored == null ? 0 : stored.version();
                    if (storedVersion != turn.expectedVersion()) {
                        throw new ConcurrentUpdateException(
                                "session of " + key.platform() + " user changed concurrently");
                    }
                    if (!turn.eventId().isEmpty()) {
                        events.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                                .put(turn.eventId(), turn.replies());
                    }
                    for (Effect effect : turn.effects()) {
                        if (effect instanceof Effect.RecordRating r) {
                            ratings.computeIfAbsent(key, k -> new TreeMap<>())
                                    .put(r.day().toString(), r.score());
                        } else if (effect instanceof Effect.RecordSession r) {
                            practice.computeIfAbsent(key, k -> new TreeMap<>())
                                    .merge(r.day().toString(), 1, Integer::sum);
                        }
                    }
                    return turn.session();
                });
    }

    @Override
    public Precheck precheck(UserKey user, String eventId) {
        Session stored = sessions.get(user);
        return new Precheck(
                stored == null ? 0 : stored.version(),
                Optional.ofNullable(events.getOrDefault(user, Map.of()).get(eventId)));
    }

    @Override
    public Map<String, Object> export(UserKey user) {
        Map<String, Object> all = new LinkedHashMap<>();
        load(user).ifPresent(s -> all.put("session", s.toString()));
        all.put("ratings", ratings.getOrDefault(user, Map.of()));
        all.put("sessions", practice.getOrDefault(user, Map.of()));
        return all;
    }

    @Override
    public java.util.SortedMap<java.time.LocalDate, Integer> ratingHistory(UserKey user) {
        java.util.SortedMap<java.time.LocalDate, Integer> history = new TreeMap<>();
        ratings.getOrDefault(user, Map.of())
                .forEach((day, score) -> history.put(java.time.LocalDate.parse(day), score));
        return history;
    }

    @Override
    public dev.backcoach.core.progress.ProgressLog progressLog(
            UserKey user, java.time.LocalDate from) {
        java.util.SortedMap<java.time.LocalDate, Integer> sessions = new TreeMap<>();
        practice.getOrDefault(user, Map.of())
                .forEach((day, count) -> sessions.put(java.time.LocalDate.parse(day), count));
        return new dev.backcoach.core.progress.ProgressLog(
                ratingHistory(user).tailMap(from),
                sessions.tailMap(from),
                new java.util.TreeSet<>());
    }

    @Override
    public void forget(UserKey user) {
        sessions.remove(user);
        events.remove(user);
        ratings.remove(user);
        practice.remove(user);
    }

    @Override
    public boolean reachable() {
        return true;
    }

    public int size() {
        return sessions.size();
    }
}
