package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
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

/** Turns committed together on SQLite stay independent: one that fails takes no other with it. */
class GroupCommitTest {
    @TempDir Path folder;

    @Test
    void aFailingTurnInABatchLeavesTheOthersCommitted() throws Exception {
        try (Database database =
                Database.open(
                        new DatabaseSettings(
                                "jdbc:sqlite:" + folder.resolve("group.db"), null, null))) {
            JdbcStateStore store = new JdbcStateStore(database);
            int users = 64;
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            ConcurrentHashMap<Integer, Throwable> failures = new ConcurrentHashMap<>();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                int n = i;
                done.add(
                        pool.submit(
                                () -> {
                                    UserKey user =
                                            new UserKey(
                                                    Platform.TELEGRAM, Integer.toString(9000 + n));
                                    int score =
                                            n % 8 == 0
                                                    ? 11
                                                    : 5; // every eighth turn breaks the 0..10 check
                                    start.await();
                                    try {
                                        store.commit(
                                                new TurnRecord(
                                                        StateStoreContract.onboarded(user)
                                                                .withVersion(1),
                                                        0,
                                                        "e" + n,
                                                        List.of(Reply.text("hi " + n)),
                                                        List.of(
                                                                new Effect.RecordRating(
                                                                        user,
                                                                        StateStoreContract.TODAY,
                                                                        score))));
                                    } catch (RuntimeException e) {
                                        failures.put(n, e);
                                    }
                                    return null;
                                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(failures.keySet()).allMatch(n -> n % 8 == 0).hasSize(users / 8);
            assertThat(failures.values()).allMatch(StoreUnavailableException.class::isInstance);
            for (int n = 0; n < users; n++) {
                UserKey user = new UserKey(Platform.TELEGRAM, Integer.toString(9000 + n));
                if (n % 8 == 0) {
                    assertThat(store.load(user)).as("a failed turn writes nothing").isEmpty();
                    assertThat(store.repliesOf(user, "e" + n)).isEmpty();
                } else {
                    assertThat(store.load(user)).map(Session::version).contains(1L);
                    assertThat(store.repliesOf(user, "e" + n))
                            .contains(List.of(Reply.text("hi " + n)));
                }
            }
        }
    }
}
