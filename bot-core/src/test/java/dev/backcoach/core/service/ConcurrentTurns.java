package dev.backcoach.core.service;

import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several threads turning the same user at once, as two bot instances would: read, change, commit
 * with the version read, and on a conflict read again. Returns the number of successful commits.
 */
final class ConcurrentTurns {
    private ConcurrentTurns() {}

    static int run(StateStore store, UserKey user, int threads, int commitsPerThread)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger committed = new AtomicInteger();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    for (int i = 0; i < commitsPerThread; i++) {
                                        commitOnce(store, user);
                                        committed.incrementAndGet();
                                    }
                                    return null;
                                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return committed.get();
    }

    private static void commitOnce(StateStore store, UserKey user) {
        while (true) {
            Session current = store.load(user).orElseGet(() -> Session.fresh(user));
            Session next =
                    current.withPromptSeq(current.promptSeq() + 1)
                            .withVersion(current.version() + 1);
            try {
                store.commit(new TurnRecord(next, current.version(), "", List.of(), List.of()));
                return;
            } catch (ConcurrentUpdateException e) {
                // someone else committed first: read again
            }
        }
    }
}
