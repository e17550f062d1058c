package dev.backcoach.faults.crash;

import dev.backcoach.faults.common.BotApiFake;
import dev.backcoach.faults.common.Shown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The users of a crash loop and the bookkeeping of what reached them: each update sent, each reply
 * attributed to the update its user was waiting on, reminders counted per chat.
 */
final class Crowd implements BotApiFake.Listener {
    /** How an update reaches the bot: POSTed to the webhook, or queued for getUpdates. */
    interface Delivery {
        void deliver(long updateId, byte[] update);
    }

    static final long FIRST_USER = 5_000_000L;
    static final long FIRST_REMINDER_USER = 9_000_000L;
    private static final long QUIET = TimeUnit.MILLISECONDS.toNanos(1_500);
    private static final long GIVE_UP = TimeUnit.SECONDS.toNanos(30);

    private final Person[] people;
    private final Map<Long, Person> byId = new HashMap<>();
    private final Map<Long, Sent> sent = new ConcurrentHashMap<>();
    private final Map<Long, LongAdder> reminders = new ConcurrentHashMap<>();
    private final int reminderUsers;
    private final AtomicLong updateIds = new AtomicLong(1);
    private final LongAdder strays = new LongAdder();
    private final Random random = new Random(16);

    /** With {@link #everyoneFirst}: the next user who has not sent anything yet. */
    private int fresh;

    private boolean everyoneFirst;

    Crowd(int users, int reminderUsers) {
        this.people = new Person[users];
        for (int i = 0; i < users; i++) {
            people[i] = new Person(FIRST_USER + i);
            byId.put(people[i].id, people[i]);
        }
        this.reminderUsers = reminderUsers;
    }

    /**
     * Every user sends once before anyone sends twice: a soak's warm-up then touches every user, so
     * that what the bot keeps per user is in place before the measurement starts.
     */
    void everyoneFirst() {
        everyoneFirst = true;
    }

    /** Nine in ten users come back after a first visit; the rest are new. */
    List<Long> returningUserIds() {
        List<Long> ids = new ArrayList<>();
        for (Person person : people) {
            if (person.id % 10 != 0) {
                ids.add(person.id);
            }
        }
        return ids;
    }

    List<Long> reminderUserIds() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < reminderUsers; i++) {
            ids.add(FIRST_REMINDER_USER + i);
        }
        return ids;
    }

    @Override
    public void shown(Shown shown) {
        long chat = shown.chatId();
        if (chat >= FIRST_REMINDER_USER && chat < FIRST_REMINDER_USER + reminderUsers) {
            if (shown.method().equals("sendmessage")) {
                reminders.computeIfAbsent(chat, c -> new LongAdder()).increment();
            }
            return;
        }
        Person person = byId.get(chat);
        if (person == null) {
            strays.increment();
            return;
        }
        synchronized (person) {
            Sent to = person.pending != null ? person.pending : person.last;
            if (to == null) {
                strays.increment();
                return;
            }
            to.reply(shown, System.nanoTime());
            person.see(shown);
        }
    }

    @Override
    public void confirmed(long updateId) {
        Sent s = sent.get(updateId);
        if (s != null && s.confirmedNanos == 0) {
            s.confirmedNanos = System.nanoTime();
        }
    }

    /**
     * Sends up to {@code count} updates, each from a user not waiting on an answer; returns how
     * many went.
     */
    int send(int count, Delivery delivery) {
        int went = 0;
        long now = System.nanoTime();
        // As in real use, a few users are in a session at any time and most are quiet: seven in
        // ten updates come from one user in twenty.
        while (everyoneFirst && fresh < people.length && went < count) {
            Person person = people[fresh++];
            long id = updateIds.getAndIncrement();
            byte[] update;
            synchronized (person) {
                String[] kind = {""};
                update = person.next(id, random, kind);
                Sent s = new Sent(id, kind[0], now);
                sent.put(id, s);
                person.pending = s;
                person.last = s;
            }
            delivery.deliver(id, update);
            went++;
        }
        boolean hot = random.nextInt(10) < 7;
        int span = hot ? Math.max(1, people.length / 20) : people.length;
        int start = random.nextInt(span);
        for (int i = 0; i < span && went < count; i++) {
            Person person = people[(start + i) % span];
            byte[] update;
            long id;
            synchronized (person) {
                Sent pending = person.pending;
                if (pending != null) {
                    if (!pending.settled(now, QUIET, GIVE_UP)) {
                        continue;
                    }
                    person.pending = null;
                }
                id = updateIds.getAndIncrement();
                String[] kind = {""};
                update = person.next(id, random, kind);
                Sent s = new Sent(id, kind[0], now);
                sent.put(id, s);
                person.pending = s;
                person.last = s;
            }
            delivery.deliver(id, update);
            went++;
        }
        return went;
    }

    /** A kill: every update not yet settled was in flight. */
    void killed() {
        long now = System.nanoTime();
        for (Person person : people) {
            synchronized (person) {
                Sent pending = person.pending;
                if (pending != null && !pending.settled(now, QUIET, GIVE_UP)) {
                    pending.killsInFlight++;
                }
            }
        }
    }

    /** Whether every update was confirmed and its replies have stopped coming. */
    boolean settled() {
        long now = System.nanoTime();
        for (Person person : people) {
            synchronized (person) {
                Sent pending = person.pending;
                if (pending != null && !pending.settled(now, QUIET, GIVE_UP)) {
                    return false;
                }
            }
        }
        return true;
    }

    int remindersDelivered() {
        return reminders.size();
    }

    /** Called once everything settled: no reply is still arriving. */
    Tally tally() {
        Tally t = new Tally();
        t.updates = sent.size();
        t.strays = strays.sum();
        for (Person person : people) {
            synchronized (person) {
                person.violations().forEach(v -> t.stepViolations.add(person.id + " " + v));
                t.stepAdvances += person.advances;
            }
        }
        for (Sent s : sent.values()) {
            if (!s.answered()) {
                t.lost++;
                t.lostIds.add(
                        s.kind
                                + " update "
                                + s.updateId
                                + (s.confirmedNanos == 0 ? " never accepted" : " accepted")
                                + ", "
                                + s.killsInFlight
                                + " kills in flight");
                continue;
            }
            t.maxLatencyNanos = Math.max(t.maxLatencyNanos, s.firstReplyNanos - s.sentNanos);
            t.latencies.add(s.firstReplyNanos - s.sentNanos);
            int extra = s.extraCopies();
            if (extra > 0) {
                t.duplicated++;
                if (extra > s.killsInFlight) {
                    t.unexplainedDuplicates.add(
                            s.kind
                                    + " update "
                                    + s.updateId
                                    + ": "
                                    + extra
                                    + " extra copies, "
                                    + s.killsInFlight
                                    + " kills in flight");
                }
            }
        }
        for (long id : reminderUserIds()) {
            LongAdder n = reminders.get(id);
            long got = n == null ? 0 : n.sum();
            if (got == 0) {
                t.missingReminderUsers.add(id);
            } else if (got > 1) {
                t.remindersDoubled++;
            }
        }
        return t;
    }

    /** The last technique step each user saw, for users whose screen ended on one. */
    Map<Long, Integer> lastSteps() {
        Map<Long, Integer> steps = new HashMap<>();
        for (Person person : people) {
            synchronized (person) {
                if (person.stepTitle != null) {
                    steps.put(person.id, person.step);
                }
            }
        }
        return steps;
    }

    /** What the run added up to. */
    static final class Tally {
        long updates;
        long lost;
        long duplicated;
        long strays;
        long maxLatencyNanos;
        long remindersDoubled;
        long stepAdvances;
        final List<Long> latencies = new ArrayList<>();
        final List<String> lostIds = new ArrayList<>();
        final List<Long> missingReminderUsers = new ArrayList<>();
        final List<String> unexplainedDuplicates = new ArrayList<>();
        final List<String> stepViolations = new ArrayList<>();

        /** The time to the first reply at quantile {@code q} (1 for the longest). */
        long latencyMillis(double q) {
            if (latencies.isEmpty()) {
                return 0;
            }
            List<Long> sorted = latencies.stream().sorted().toList();
            int at = (int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size()));
            return TimeUnit.NANOSECONDS.toMillis(sorted.get(at));
        }
    }
}
