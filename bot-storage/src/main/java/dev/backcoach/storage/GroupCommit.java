package dev.backcoach.storage;

import dev.backcoach.core.service.TurnRecord;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * SQLite has one writer. Turns that wait for it are committed together: whoever holds the writer
 * lock writes every turn queued behind it in one transaction, each in a savepoint of its own, so a
 * turn that conflicts or fails leaves the others untouched. Every caller still returns only once
 * its own turn is committed (or has failed), before any reply of it leaves.
 */
final class GroupCommit {
    /** Bounds how long one leader writes for others. */
    static final int MAX_BATCH = 256;

    private static final class Pending {
        final TurnRecord turn;
        boolean done;
        @Nullable RuntimeException failure;

        Pending(TurnRecord turn) {
            this.turn = turn;
        }
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Jdbc jdbc;
    private final JdbcStateStore store;
    private final Clock clock;
    private final ReentrantLock writer;

    GroupCommit(Jdbc jdbc, JdbcStateStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
        this.writer = java.util.Objects.requireNonNull(jdbc.sqliteWriter());
    }

    void commit(TurnRecord turn) {
        Pending mine = new Pending(turn);
        queue.add(mine);
        writer.lock();
        try {
            while (!mine.done) { // another leader may have written it while this thread waited
                writeBatch();
            }
        } finally {
            writer.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Under the writer lock: one transaction for the queued turns, a savepoint each. */
    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        while (batch.size() < MAX_BATCH) { // check the size first: a turn taken off the queue must be written
            Pending p = queue.poll();
            if (p == null) {
                break;
            }
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try {
            jdbc.inTransaction("committing a turn", c -> {
                for (Pending p : batch) {
                    Savepoint savepoint = c.setSavepoint();
                    try {
                        if (store.writeTurn(c, p.turn, now)) {
                            c.releaseSavepoint(savepoint);
                        } else {
                            c.rollback(savepoint);
                            p.failure = JdbcStateStore.conflict(p.turn);
                        }
                    } catch (SQLException e) {
                        c.rollback(savepoint);
                        p.failure = jdbc.unavailable("committing a turn", e);
                    } catch (RuntimeException e) {
                        c.rollback(savepoint);
                        p.failure = e;
                    }
                }
                return null;
            });
        } catch (RuntimeException e) { // StoreUnavailableException among them
            for (Pending p : batch) {
                if (p.failure == null) {
                    p.failure = e; // the transaction itself failed: nothing of the batch was written
                }
            }
        } finally {
            for (Pending p : batch) {
                p.done = true;
            }
        }
    }
}
