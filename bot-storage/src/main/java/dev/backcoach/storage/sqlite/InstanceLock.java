package dev.backcoach.storage.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite serves one instance: the bot that serves the database holds an exclusive lock on a file
 * beside it ({@code backcoach.db.lock}) until it closes, and a second one is refused with a clear
 * message. (A look at what is stored, without serving, takes no lock.) Two bots on one file would
 * answer the same users twice and send every nudge twice; and the one instance may trust its cache,
 * since no one else writes (see {@code StateStore.soleWriter}). Several instances need PostgreSQL.
 *
 * <p>A lock file of its own, not a lock on the database file: POSIX locks belong to the process,
 * and closing any channel on the database file would drop SQLite's own locks on it.
 */
public final class InstanceLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InstanceLock.class);

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param database the SQLite database file
     * @throws IllegalStateException when another instance holds it, or the lock file cannot be
     *     written
     */
    public static InstanceLock take(Path database) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot create the lock file " + file + " beside the SQLite database", e);
        }
        @Nullable FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this process already
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot lock " + file, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException(
                    "another instance is serving the SQLite database "
                            + database
                            + " (it holds "
                            + file
                            + "). SQLite serves one instance: stop the other one, or use"
                            + " PostgreSQL for several instances.");
        }
        return new InstanceLock(channel, lock);
    }

    /** Lets the next instance in; the file stays, empty, for it. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            log.debug("releasing the instance lock: {}", e.toString());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing the instance lock file: {}", e.toString());
        }
    }
}
