package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.TurnRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's write-ahead log must not grow for as long as the bot is busy: under steady reads and
 * writes it only starts over when the housekeeping checkpoint makes it.
 */
class WalCheckpointTest {
    @TempDir
    Path folder;

    @Test
    void theLogStartsOverAfterACheckpointWhileReadersKeepReading() throws Exception {
        try (Database database = Database.open(
                new DatabaseSettings("jdbc:sqlite:" + folder.resolve("wal.db"), null, null))) {
            JdbcStateStore store = new JdbcStateStore(database);
            List<UserKey> users = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                users.add(new UserKey(Platform.TELEGRAM, Integer.toString(7000 + i)));
            }
            long[] versions = new long[users.size()];
            AtomicBoolean reading = new AtomicBoolean(true);
            ExecutorService readers = Executors.newFixedThreadPool(3);
            List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                running.add(readers.submit(() -> {
                    int n = 0;
                    while (reading.get()) {
                        store.precheck(users.get(n++ % users.size()), "event-" + n);
                    }
                    return null;
                }));
            }
            try {
                int event = 0;
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < 400; i++) {
                        int u = i % users.size();
                        Session next = StateStoreContract.onboarded(users.get(u)).withVersion(versions[u] + 1);
                        store.commit(new TurnRecord(next, versions[u], "e" + event++, List.of(Reply.text("ok")), List.of()));
                        versions[u]++;
                    }
                    database.checkpoint();
                    UserKey first = users.get(0);
                    store.commit(new TurnRecord(StateStoreContract.onboarded(first).withVersion(versions[0] + 1),
                            versions[0], "e" + event++, List.of(Reply.text("ok")), List.of()));
                    versions[0]++;
                    assertThat(framesInLog(database)).as("the first write after the checkpoint starts the log over")
                            .isLessThan(20);
                }
            } finally {
                reading.set(false);
                for (Future<?> f : running) {
                    f.get(10, TimeUnit.SECONDS);
                }
                readers.shutdown();
            }
        }
    }

    /** How many frames the log holds now (a passive checkpoint's second column). */
    private static int framesInLog(Database database) throws SQLException {
        try (Connection c = database.connection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            r.next();
            return r.getInt(2);
        }
    }
}
