package dev.backcoach.faults.outage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Users acting side by side, each one action at a time with a pause of 0.5-1.5 s between, until
 * stopped; counts what the suite reports.
 */
public final class Conversations {
    private final List<ChatUser> users;
    private final String apologyText;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    final AtomicLong updates = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong apologies = new AtomicLong();
    final AtomicLong maxLatencyMs = new AtomicLong();

    final List<String> lostWhat = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Conversations(List<ChatUser> users, String apologyText) {
        this.users = users;
        this.apologyText = apologyText;
    }

    public void start() {
        for (ChatUser user : users) {
            Thread thread = new Thread(() -> run(user), "user-" + user.id);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(ChatUser user) {
        try {
            while (running.get()) {
                duplicated.addAndGet(user.unexpected());
                ChatUser.Outcome outcome = user.act(apologyText, 30_000);
                updates.incrementAndGet();
                if (!outcome.answered()) {
                    lost.incrementAndGet();
                    lostWhat.add(
                            "user "
                                    + user.id
                                    + ", status "
                                    + outcome.status()
                                    + ": "
                                    + outcome.update());
                }
                if (outcome.apology()) {
                    apologies.incrementAndGet();
                }
                maxLatencyMs.accumulateAndGet(outcome.latencyMs(), Math::max);
                Thread.sleep(ThreadLocalRandom.current().nextLong(500, 1500));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops every user after the action in progress (at most ~35 s). */
    public void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    public long updates() {
        return updates.get();
    }

    public long lost() {
        return lost.get();
    }

    public long duplicated() {
        return duplicated.get();
    }

    public long apologies() {
        return apologies.get();
    }

    public long maxLatencyMs() {
        return maxLatencyMs.get();
    }

    public List<String> lostWhat() {
        return List.copyOf(lostWhat);
    }
}
