package dev.backcoach.core.service;

import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A store that forgets on restart: for tests, benchmarks and trying the bot out. */
public final class InMemoryStateStore implements StateStore {
    private final ConcurrentMap<UserKey, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<Session> load(UserKey user) {
        return Optional.ofNullable(sessions.get(user));
    }

    @Override
    public void save(Session session, long expectedVersion) {
        sessions.compute(session.user(), (user, stored) -> {
            long storedVersion = stored == null ? 0 : stored.version();
            if (storedVersion != expectedVersion) {
                throw new ConcurrentUpdateException("session of " + user.platform() + " user changed concurrently");
            }
            return session;
        });
    }

    public int size() {
        return sessions.size();
    }
}
