package dev.backcoach.storage.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's write-ahead log, copied back into the database file every second in the background, so
 * that no user's turn pays for it, and started over each time, so that it cannot grow.
 *
 * <p>A passive checkpoint alone is not enough under steady load: SQLite starts the log over only
 * when a write finds it fully copied and no reader in it, which never happens while turns keep
 * coming (the log grew by gigabytes in a benchmark run). And a passive checkpoint that new writes
 * overtake never syncs the database file, so the RESTART that finally completes would flush a
 * second's worth of pages while turns wait. Hence, each second:
 *
 * <ol>
 *   <li>a passive copy beside the writers, which does the bulk of the work;
 *   <li>the database file synced beside the writers;
 *   <li>passive copies again until the writer lock is free, so little is left;
 *   <li>holding the writer lock (turns queue here, not in SQLite's sleeping busy handler), a
 *       RESTART: it copies the last frames, syncs, and waits for readers still in the log (single
 *       statements: microseconds), so the next write starts the log from its beginning.
 * </ol>
 */
public final class WalCheckpoints implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WalCheckpoints.class);

    /** Passive rounds while waiting for the writer lock, before waiting for it outright. */
    static final int PASSIVE_ROUNDS = 20;

    /** RESTART tries while a reader is still in the log, {@link #READER_PAUSE_NANOS} apart. */
    static final int RESTART_TRIES = 200;

    static final long READER_PAUSE_NANOS = 50_000;

    /** Rounds in a row without a restart (about seconds) before the log says so. */
    public static final int FAILURES_BEFORE_WARNING = 60;

    private final DataSource pool;
    private final ReentrantLock writer;
    private final int busyTimeoutMillis;
    private final ScheduledExecutorService executor;

    /**
     * The database file, only ever synced. Opened once and closed only after every connection:
     * closing any descriptor of a file drops all of the process's POSIX locks on it, SQLite's too.
     */
    private @Nullable FileChannel file;

    private boolean closed;
    private int failedInARow;

    public WalCheckpoints(DataSource pool, ReentrantLock writer, int busyTimeoutMillis) {
        this.pool = pool;
        this.writer = writer;
        this.busyTimeoutMillis = busyTimeoutMillis;
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "backcoach-sqlite-checkpoint");
                            thread.setDaemon(true);
                            return thread;
                        });
        ScheduledFuture<?> unused =
                executor.scheduleWithFixedDelay(this::runLogged, 1, 1, TimeUnit.SECONDS);
    }

    /** A scheduled task that throws is never run again: then the log would grow unseen. */
    private void runLogged() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("SQLite log housekeeping failed this second; trying again", e);
        }
    }

    /**
     * One round of the steps above; a step that fails is logged and the next second tries again.
     */
    public synchronized void run() {
        if (closed || passive() == 0) {
            return; // an empty log: nothing to copy, sync or start over
        }
        syncDatabaseFile();
        int rounds = 0;
        do {
            passive();
            if (++rounds == PASSIVE_ROUNDS) {
                writer.lock();
                break;
            }
        } while (!writer.tryLock());
        boolean restarted;
        try {
            restarted = restart();
        } finally {
            writer.unlock();
        }
        noteOutcome(restarted);
    }

    /**
     * Told once, not every second: a log that stays big is an operator's problem to find
     * (docs/operations.md).
     */
    private void noteOutcome(boolean restarted) {
        if (restarted) {
            if (failedInARow >= FAILURES_BEFORE_WARNING) {
                log.info("the SQLite write-ahead log starts over again");
            }
            failedInARow = 0;
        } else if (++failedInARow == FAILURES_BEFORE_WARNING) {
            log.warn(
                    "the SQLite write-ahead log has not started over for {} s and keeps growing: something "
                            + "outside the bot may hold a read open on the database (a sqlite3 shell, a backup)",
                    FAILURES_BEFORE_WARNING);
        }
    }

    /** The frames in the log as the copy ended (-1 when it failed). */
    private int passive() {
        try (Connection c = pool.getConnection();
                Statement statement = c.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return result.next() ? result.getInt(2) : -1;
        } catch (SQLException | RuntimeException e) {
            log.debug("passive WAL checkpoint skipped: {}", reason(e));
            return -1;
        }
    }

    private void syncDatabaseFile() {
        try {
            if (file == null) {
                file = FileChannel.open(databaseFile(), StandardOpenOption.READ);
            }
            file.force(false);
        } catch (IOException | SQLException | RuntimeException e) {
            log.debug("syncing the database file skipped: {}", reason(e));
        }
    }

    private Path databaseFile() throws SQLException {
        try (Connection c = pool.getConnection();
                Statement statement = c.createStatement();
                ResultSet main = statement.executeQuery("PRAGMA database_list")) {
            main.next(); // "main" comes first
            return Path.of(main.getString("file"));
        }
    }

    /**
     * Readers are not kept waiting by SQLite's busy handler, which sleeps 1, 2, 5, 10… ms: the
     * RESTART is tried again after a short pause instead, and given up for this second if a reader
     * stays in the log.
     */
    private boolean restart() {
        try (Connection c = pool.getConnection();
                Statement statement = c.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
            try {
                for (int i = 0; i < RESTART_TRIES; i++) {
                    try (ResultSet result =
                            statement.executeQuery("PRAGMA wal_checkpoint(RESTART)")) {
                        if (result.next() && result.getInt(1) == 0) {
                            return true;
                        }
                    }
                    LockSupport.parkNanos(READER_PAUSE_NANOS);
                }
                log.debug("WAL restart skipped: readers stayed in the log");
            } finally {
                statement.execute("PRAGMA busy_timeout = " + busyTimeoutMillis);
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("WAL restart skipped: {}", reason(e));
        }
        return false;
    }

    /** Stops the rounds; the file is closed by {@link #closeFile} once the connections are. */
    @Override
    public void close() {
        executor.shutdownNow();
        synchronized (this) {
            closed = true;
        }
    }

    /** After the pool is closed: no SQLite lock is left to drop. */
    public synchronized void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                log.debug("closing the database file: {}", e.getMessage());
            }
            file = null;
        }
    }

    /**
     * The first line of the driver's message: enough for a debug line, never a statement's
     * parameters.
     */
    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
