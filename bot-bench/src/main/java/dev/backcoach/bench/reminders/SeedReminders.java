package dev.backcoach.bench.reminders;

import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.schedule.ReminderSeeding;
import java.time.Instant;
import java.util.stream.LongStream;

/**
 * Fills a database with Telegram users who opted in to the evening reminder, all due at the same
 * instant, for {@code scripts/bench-reminders.sh}.
 *
 * <p>Run: {@code java -cp benchmarks.jar dev.backcoach.bench.reminders.SeedReminders JDBC_URL USERS
 * DUE_EPOCH_SECOND} (PostgreSQL credentials from DATABASE_USER and DATABASE_PASSWORD)
 */
public final class SeedReminders {
    /** Telegram user (and private chat) ids start here. */
    public static final long FIRST_ID = 10_000_000L;

    private SeedReminders() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SeedReminders JDBC_URL USERS DUE_EPOCH_SECOND");
            System.exit(2);
        }
        int users = Integer.parseInt(args[1]);
        Instant due = Instant.ofEpochSecond(Long.parseLong(args[2]));
        long started = System.nanoTime();
        ReminderSeeding.seed(
                new DatabaseSettings(
                        args[0],
                        System.getenv("DATABASE_USER"),
                        System.getenv("DATABASE_PASSWORD")),
                LongStream.range(FIRST_ID, FIRST_ID + users).boxed().toList(),
                due);
        System.out.printf(
                "seeded %d users due at %s in %d s%n",
                users, due, (System.nanoTime() - started) / 1_000_000_000L);
    }
}
