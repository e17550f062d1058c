package dev.backcoach.core.service;

import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A real in-memory store that counts what the service asks of it. */
class CountingStore extends ForwardingStore {
    final AtomicInteger loads = new AtomicInteger();
    final AtomicInteger prechecks = new AtomicInteger();
    final AtomicInteger commits = new AtomicInteger();

    @Override
    public Optional<Session> load(UserKey user) {
        loads.incrementAndGet();
        return super.load(user);
    }

    @Override
    public Precheck precheck(UserKey user, String eventId) {
        prechecks.incrementAndGet();
        return super.precheck(user, eventId);
    }

    @Override
    public void commit(TurnRecord turn) {
        commits.incrementAndGet();
        super.commit(turn);
    }

    /** Loads and prechecks: the round trips a turn made before its commit. */
    int reads() {
        return loads.get() + prechecks.get();
    }

    void reset() {
        loads.set(0);
        prechecks.set(0);
        commits.set(0);
    }
}
