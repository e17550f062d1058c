package dev.backcoach.storage.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * SQLite has one writer. Turns that wait for it are committed together: whoever holds the writer
 * lock writes every turn queued behind it in one transaction, each in a savepoint of its own, so a
 * turn that conflicts or fails leaves the others untouched. Every caller still returns only once
 * its own turn is committed (or has failed), before any reply of it leaves.
 */
public final class GroupCommit<T> {
    /** What a batch needs from the store: a transaction, and how to write one item into it. */
    public interface Store<T> {
        /**
         * Runs {@code work} in one transaction (the caller holds the writer lock); failures
         * unchecked.
         */
        void inTransaction(String action, Batch work);

        /**
         * Writes one item in the open transaction; returns why it was refused (nothing written), or
         * null.
         */
        @Nullable RuntimeException write(Connection connection, T item, Instant now)
                throws SQLException;

        /** A database failure of one item, as the exception its caller should see. */
        RuntimeException failure(String action, SQLException e);
    }

    /** The body of one batch's transaction. */
    public interface Batch {
        void run(Connection connection) throws SQLException;
    }

    private static final String ACTION = "committing a turn";

    /** Bounds how long one leader writes for others. */
    static final int MAX_BATCH = 256;

    /** Extra batches a leader writes for turns that queued up while it wrote, beyond its own. */
    static final int EXTRA_ROUNDS = 4;

    /**
     * A waiting turn is normally woken by the leader that wrote it; it looks again after this long
     * in case the lock was held by another kind of writer when it queued, so no leader saw it.
     */
    static final long FOLLOWER_WAIT_MILLIS = 2;

    /**
     * Errors after which SQLite may roll back the whole transaction by itself: full (a full disk),
     * I/O error, busy, out of memory (sqlite.org/lang_transaction.html, "Response To Errors Within
     * A Transaction").
     */
    private static final Set<Integer> ENDS_TRANSACTION = Set.of(5, 7, 10, 13);

    static boolean mayEndTransaction(SQLException e) {
        return ENDS_TRANSACTION.contains(e.getErrorCode() & 0xFF);
    }

    private static final class Pending<T> {
        final T item;
        final CountDownLatch written = new CountDownLatch(1);
        volatile boolean done;
        @Nullable RuntimeException failure;

        Pending(T item) {
            this.item = item;
        }
    }

    private final ConcurrentLinkedQueue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
    private final Store<T> store;
    private final Clock clock;
    private final ReentrantLock writer;

    /**
     * @param writer SQLite's in-process writer lock, the one every other writer takes too
     */
    public GroupCommit(ReentrantLock writer, Store<T> store, Clock clock) {
        this.writer = writer;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Waiting turns do not queue on the writer lock (each would take it in turn only to find its
     * turn written, one thread switch after another): they wait for their own signal, and whoever
     * finds the lock free leads.
     */
    public void commit(T item) {
        Pending<T> mine = new Pending<>(item);
        queue.add(mine);
        while (!mine.done) {
            if (writer.tryLock()) {
                try {
                    int extra = 0;
                    while (!mine.done || (!queue.isEmpty() && extra++ < EXTRA_ROUNDS)) {
                        writeBatch();
                    }
                } finally {
                    writer.unlock();
                }
            } else {
                awaitWritten(mine);
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    private void awaitWritten(Pending<T> mine) {
        try {
            mine.written.await(FOLLOWER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.lock(); // no more waiting: lead until it is written
            try {
                while (!mine.done) {
                    writeBatch();
                }
            } finally {
                writer.unlock();
            }
        }
    }

    /** Under the writer lock: one transaction for the queued turns, a savepoint each. */
    private void writeBatch() {
        List<Pending<T>> batch = new ArrayList<>();
        while (batch.size()
                < MAX_BATCH) { // check the size first: a turn taken off the queue must be written
            Pending<T> p = queue.poll();
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
            store.inTransaction(
                    ACTION,
                    c -> {
                        for (Pending<T> p : batch) {
                            Savepoint savepoint = c.setSavepoint();
                            try {
                                RuntimeException refused = store.write(c, p.item, now);
                                if (refused == null) {
                                    c.releaseSavepoint(savepoint);
                                } else {
                                    c.rollback(savepoint);
                                    p.failure =
                                            refused; // a version conflict or a re-delivered event
                                }
                            } catch (SQLException e) {
                                if (mayEndTransaction(e)) {
                                    // SQLite may have rolled back the whole transaction: the
                                    // turns before are gone and the ones after would commit one
                                    // by one. The batch fails as one; nothing of it is kept.
                                    throw e;
                                }
                                c.rollback(savepoint);
                                p.failure = store.failure(ACTION, e);
                            } catch (RuntimeException e) {
                                c.rollback(savepoint);
                                p.failure = e;
                            }
                        }
                    });
        } catch (RuntimeException e) { // StoreUnavailableException among them
            for (Pending<T> p : batch) {
                if (p.failure == null) {
                    p.failure =
                            e; // the transaction itself failed: nothing of the batch was written
                }
            }
        } finally {
            for (Pending<T> p : batch) {
                p.done = true;
                p.written.countDown();
            }
        }
    }
}
