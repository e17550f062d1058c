package dev.backcoach.core.service;

import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.util.Map;
import java.util.Optional;

/**
 * A real in-memory store that tests can watch, slow down or switch off by overriding a method or
 * two. Shared with other modules' tests through bot-core's test jar.
 */
public class ForwardingStore implements StateStore {
    protected final InMemoryStateStore delegate = new InMemoryStateStore();

    @Override
    public Optional<Session> load(UserKey user) {
        return delegate.load(user);
    }

    @Override
    public void commit(TurnRecord turn) {
        delegate.commit(turn);
    }

    @Override
    public Precheck precheck(UserKey user, String eventId) {
        return delegate.precheck(user, eventId);
    }

    @Override
    public Map<String, Object> export(UserKey user) {
        return delegate.export(user);
    }

    @Override
    public java.util.SortedMap<java.time.LocalDate, Integer> ratingHistory(UserKey user) {
        return delegate.ratingHistory(user);
    }

    @Override
    public dev.backcoach.core.progress.ProgressLog progressLog(
            UserKey user, java.time.LocalDate from) {
        return delegate.progressLog(user, from);
    }

    @Override
    public void forget(UserKey user) {
        delegate.forget(user);
    }

    @Override
    public boolean reachable() {
        return delegate.reachable();
    }
}
