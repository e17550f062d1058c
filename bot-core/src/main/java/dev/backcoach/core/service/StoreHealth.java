package dev.backcoach.core.service;

import java.time.Clock;
import java.time.Instant;

/**
 * Whether the store answered the last time anyone asked: turns report every success and failure,
 * and a periodic {@link #probe} notices recovery even when nobody is chatting.
 */
public final class StoreHealth {
    /**
     * @param reason why the store is down, without secrets; empty while up
     */
    public record State(boolean up, Instant since, String reason) {}

    private final StateStore store;
    private final Clock clock;
    private volatile State state;

    public StoreHealth(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.state = new State(true, clock.instant(), "");
    }

    public State state() {
        return state;
    }

    public void probe() {
        if (store.reachable()) {
            markUp();
        } else {
            markDown("the database does not answer");
        }
    }

    void markUp() {
        if (!state.up()) {
            state = new State(true, clock.instant(), "");
        }
    }

    void markDown(String reason) {
        if (state.up()) {
            state = new State(false, clock.instant(), reason);
        }
    }
}
