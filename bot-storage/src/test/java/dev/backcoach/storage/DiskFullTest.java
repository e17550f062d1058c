package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.StateStoreContract;
import dev.backcoach.core.service.StoreUnavailableException;
import dev.backcoach.core.service.TurnRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by the fault suite (a SQLite disk filled up under load): when the database is full in the
 * middle of a batch of turns, SQLite may roll the whole transaction back by itself, and the next
 * steps of the batch failed with "no such savepoint" or "cannot commit - no transaction is active",
 * logged as unexpected errors with their stack traces, and a pooled connection was left outside any
 * transaction: later turns were kept at once while their callers heard they failed. A full database
 * is "unavailable" (users hear "I can't save right now"), and a turn is kept if and only if it is
 * reported done. A page limit makes the database full here, as a full disk does.
 */
class DiskFullTest {
    @TempDir Path folder;

    @Test
    void aFullDatabaseIsUnavailableAndATurnIsKeptOnlyIfReportedDone() throws Exception {
        try (Database database =
                Database.open(
                        new DatabaseSettings(
                                "jdbc:sqlite:" + folder.resolve("full.db") + "?max_page_count=60",
                                null,
                                null))) {
            JdbcStateStore store = new JdbcStateStore(database);
            int users = 400;
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            ConcurrentHashMap<Integer, RuntimeException> failures = new ConcurrentHashMap<>();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                int n = i;
                done.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    try {
                                        store.commit(turn(n));
                                    } catch (RuntimeException e) {
                                        failures.put(n, e);
                                    }
                                    return null;
                                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(failures).as("the page limit was reached").isNotEmpty();
            assertThat(failures.values())
                    .allSatisfy(
                            e ->
                                    assertThat(e)
                                            .isInstanceOf(StoreUnavailableException.class)
                                            .hasMessageStartingWith("database unavailable"));
            int stored = 0;
            for (int n = 0; n < users; n++) {
                boolean kept = store.load(user(n)).isPresent();
                assertThat(kept)
                        .as("turn %s kept, and its caller told %s", n, failures.get(n))
                        .isEqualTo(!failures.containsKey(n));
                assertThat(store.repliesOf(user(n), "e" + n).isPresent()).isEqualTo(kept);
                stored += kept ? 1 : 0;
            }
            assertThat(stored).as("turns before the page limit").isPositive();
        }
    }

    private static UserKey user(int n) {
        return new UserKey(Platform.TELEGRAM, Integer.toString(7000 + n));
    }

    private static TurnRecord turn(int n) {
        UserKey user = user(n);
        return new TurnRecord(
                StateStoreContract.onboarded(user).withVersion(1),
                0,
                "e" + n,
                List.of(Reply.text("a reply long enough to fill pages " + "x".repeat(400))),
                List.of(new Effect.RecordRating(user, StateStoreContract.TODAY, 5)));
    }
}
