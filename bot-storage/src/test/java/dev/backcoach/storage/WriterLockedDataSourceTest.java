package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.storage.sqlite.WriterLockedDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's SQLite connections take the store's writer lock for writes, and only for writes.
 */
class WriterLockedDataSourceTest {
    @TempDir Path folder;

    @Test
    void aWritingConnectionHoldsTheWriterLockUntilItIsClosed() throws Exception {
        try (Database database =
                Database.open(
                        new DatabaseSettings(
                                "jdbc:sqlite:" + folder.resolve("b.db"), null, null))) {
            ReentrantLock writer = database.sqliteWriter();
            try (Connection reading = database.schedulerDataSource().getConnection();
                    PreparedStatement select =
                            reading.prepareStatement("SELECT COUNT(*) FROM scheduled_tasks")) {
                select.executeQuery().close();
                assertThat(writer.isLocked()).as("reads run beside the writer").isFalse();
            }
            try (Connection writing = database.schedulerDataSource().getConnection()) {
                try (PreparedStatement delete =
                        writing.prepareStatement("  DELETE FROM scheduled_tasks")) {
                    delete.executeUpdate();
                }
                assertThat(writer.isHeldByCurrentThread()).isTrue();
            }
            assertThat(writer.isLocked()).as("given back on close").isFalse();
        }
    }

    @Test
    void purgingOldEventsWaitsForTheWriterLikeEveryOtherWrite() throws Exception {
        try (Database database =
                Database.open(
                        new DatabaseSettings(
                                "jdbc:sqlite:" + folder.resolve("p.db"), null, null))) {
            JdbcStateStore store = new JdbcStateStore(database);
            ReentrantLock writer = database.sqliteWriter();
            FutureTask<Integer> purge =
                    new FutureTask<>(() -> store.purgeEventsBefore(Instant.now()));
            Thread purging = new Thread(purge, "purging");
            writer.lock();
            try {
                purging.start();
                await().until(() -> writer.hasQueuedThread(purging));
            } finally {
                writer.unlock();
            }
            assertThat(purge.get()).isZero();
        }
    }

    @Test
    void writesAreToldFromReads() {
        assertThat(WriterLockedDataSource.writes("insert into x values (1)")).isTrue();
        assertThat(WriterLockedDataSource.writes("\n UPDATE scheduled_tasks SET picked = ?"))
                .isTrue();
        assertThat(WriterLockedDataSource.writes("delete from x")).isTrue();
        assertThat(WriterLockedDataSource.writes("select * from scheduled_tasks where picked = ?"))
                .isFalse();
    }
}
