package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.StateStoreContract;
import dev.backcoach.core.service.TurnRecord;
import dev.backcoach.storage.sqlite.WalCheckpoints;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import org.slf4j.LoggerFactory;

/**
 * SQLite's write-ahead log must not grow for as long as the bot is busy: under steady reads and
 * writes it only starts over when the housekeeping checkpoint makes it.
 */
class WalCheckpointTest {
    @TempDir Path folder;

    @Test
    void theLogStartsOverAfterACheckpointWhileReadersKeepReading() throws Exception {
        try (Database database =
                Database.open(
                        new DatabaseSettings(
                                "jdbc:sqlite:" + folder.resolve("wal.db"), null, null))) {
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
                running.add(
                        readers.submit(
                                () -> {
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
                        Session next =
                                StateStoreContract.onboarded(users.get(u))
                                        .withVersion(versions[u] + 1);
                        store.commit(
                                new TurnRecord(
                                        next,
                                        versions[u],
                                        "e" + event++,
                                        List.of(Reply.text("ok")),
                                        List.of()));
                        versions[u]++;
                    }
                    database.checkpoint();
                    UserKey first = users.get(0);
                    store.commit(
                            new TurnRecord(
                                    StateStoreContract.onboarded(first)
                                            .withVersion(versions[0] + 1),
                                    versions[0],
                                    "e" + event++,
                                    List.of(Reply.text("ok")),
                                    List.of()));
                    versions[0]++;
                    assertThat(framesInLog(database))
                            .as("the first write after the checkpoint starts the log over")
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

    /**
     * A reader outside the bot keeps the log from starting over: the operator is told once, and
     * when it is over.
     */
    @Test
    void aReadHeldOpenOutsideTheBotIsReportedOnceThenTheLogStartsOverAgain() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(WalCheckpoints.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO); // the test configuration keeps to warnings
        Path file = folder.resolve("held.db");
        try (Database database =
                        Database.open(new DatabaseSettings("jdbc:sqlite:" + file, null, null));
                Connection outside = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            JdbcStateStore store = new JdbcStateStore(database);
            UserKey anna = new UserKey(Platform.TELEGRAM, "7001");
            store.commit(
                    new TurnRecord(
                            StateStoreContract.onboarded(anna).withVersion(1),
                            0,
                            "e0",
                            List.of(Reply.text("ok")),
                            List.of()));
            outside.setAutoCommit(false);
            try (Statement s = outside.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM user_session")) {
                r.next(); // a read transaction, left open
            }
            long version = 1;
            for (int round = 0; round < WalCheckpoints.FAILURES_BEFORE_WARNING + 5; round++) {
                store.commit(
                        new TurnRecord(
                                StateStoreContract.onboarded(anna).withVersion(version + 1),
                                version,
                                "e" + version,
                                List.of(Reply.text("ok")),
                                List.of()));
                version++;
                database.checkpoint();
            }
            assertThat(framesInLog(database)).as("the log kept growing").isGreaterThan(60);
            assertThat(seen.list)
                    .filteredOn(e -> e.getLevel() == Level.WARN)
                    .singleElement()
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .asString()
                    .contains("has not started over for 60 s", "hold a read open");

            outside.commit(); // the reader is done
            database.checkpoint();
            store.commit(
                    new TurnRecord(
                            StateStoreContract.onboarded(anna).withVersion(version + 1),
                            version,
                            "e" + version,
                            List.of(Reply.text("ok")),
                            List.of()));
            assertThat(framesInLog(database)).as("started over").isLessThan(20);
            assertThat(seen.list)
                    .filteredOn(e -> e.getLevel() == Level.INFO)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("the SQLite write-ahead log starts over again");
        } finally {
            logger.detachAppender(seen);
            logger.setLevel(level);
        }
    }

    /** How many frames the log holds now (a passive checkpoint's second column). */
    private static int framesInLog(Database database) throws SQLException {
        try (Connection c = database.connection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            r.next();
            return r.getInt(2);
        }
    }
}
