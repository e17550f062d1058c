package dev.backcoach.storage;

import dev.backcoach.core.service.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a pooled connection and turns every SQL failure into the port's {@link
 * StoreUnavailableException}, so callers see exactly the two exceptions the port promises.
 */
final class Jdbc {
    private static final Logger log = LoggerFactory.getLogger(Jdbc.class);

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work that only writes: nothing to return. */
    interface Writes {
        void run(Connection connection) throws SQLException;
    }

    private final Database database;

    /**
     * SQLite's in-process writer lock (see {@link Database}), or null for databases with many
     * writers.
     */
    private final @Nullable ReentrantLock sqliteWriter;

    Jdbc(Database database) {
        this.database = database;
        this.sqliteWriter = database.sqliteWriter();
    }

    /**
     * Reads only, each statement on its own: it takes no writer lock, so a write here would meet
     * SQLite's other writers in its sleeping busy handler. Every write goes through {@link
     * #transaction}.
     */
    <T> T readOnly(String action, Work<T> work) {
        try (Connection connection = database.connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw unavailable(action, e);
        }
    }

    /**
     * All or nothing: any exception, the port's own included, rolls everything back and is
     * rethrown.
     */
    <T> T transaction(String action, Work<T> work) {
        if (sqliteWriter == null) {
            return inTransaction(action, work);
        }
        sqliteWriter.lock();
        try {
            return inTransaction(action, work);
        } finally {
            sqliteWriter.unlock();
        }
    }

    /** As {@link #transaction}, for work that returns nothing. */
    void write(String action, Writes work) {
        transaction(
                action,
                c -> {
                    work.run(c);
                    return Boolean.TRUE;
                });
    }

    /** As {@link #inTransaction}, for work that returns nothing. */
    void writeHoldingLock(String action, Writes work) {
        inTransaction(
                action,
                c -> {
                    work.run(c);
                    return Boolean.TRUE;
                });
    }

    /** SQLite's in-process writer lock, or null for databases with many writers. */
    @Nullable ReentrantLock sqliteWriter() {
        return sqliteWriter;
    }

    /**
     * A transaction for a caller that already holds the writer lock (see {@link
     * dev.backcoach.storage.sqlite.GroupCommit}).
     */
    <T> T inTransaction(String action, Work<T> work) {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
            // The pool restores auto-commit when the connection goes back.
        } catch (SQLException e) {
            throw unavailable(action, e);
        }
    }

    private void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is likely gone, which rolls back as well; keep the first failure.
            cause.addSuppressed(e);
            if (database.dialect() == Dialect.SQLITE) {
                reopen(connection, cause);
            }
        }
    }

    /**
     * SQLite ended the transaction itself (a full disk, say) and the driver, not knowing, still
     * expects one open on this pooled connection: without a new one, its next user would write
     * every statement outside any transaction, each kept at once (found by the fault suite).
     */
    private static void reopen(Connection connection, Exception cause) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
        } catch (SQLException e) {
            cause.addSuppressed(e); // still open after all, or the connection is gone
        }
    }

    /**
     * Expected failures (down, locked, refused, pool timeout) are left to the caller to report;
     * anything else is a bug or a broken schema and is logged here, once, with its stack trace.
     */
    StoreUnavailableException unavailable(String action, SQLException e) {
        String reason = database.redaction().apply(Redaction.rootMessage(e));
        if (database.isClosed() || database.dialect().meansUnavailable(e)) {
            return new StoreUnavailableException(
                    "database unavailable while " + action + ": " + reason, e);
        }
        log.error("unexpected database error while {} ({})", action, database, e);
        return new StoreUnavailableException(
                "unexpected database error while " + action + ": " + reason, e);
    }
}
