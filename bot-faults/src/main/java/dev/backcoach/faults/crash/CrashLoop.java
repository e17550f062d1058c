package dev.backcoach.faults.crash;

import dev.backcoach.faults.common.BotApiFake;
import dev.backcoach.faults.common.Options;
import dev.backcoach.faults.common.Row;
import dev.backcoach.faults.common.WebhookDelivery;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.schedule.ReminderSeeding;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The crash loop: users talk to the real bot at a steady rate while it is SIGKILLed and restarted
 * at random moments; Telegram (the fake) re-delivers what was not confirmed. Then: no update
 * unanswered, an update answered twice only if a kill caught it in flight, steps shown one by one
 * and equal to those stored, each reminder due inside the loop sent exactly once. Prints one ROW.
 *
 * <p>Options: {@code --scenario --mode=webhook|polling --instances=1|2 --users --rate (updates a
 * second) --kills --max-seconds --reminders --jar --work --database-url --database-user
 * --database-password} (no database URL: a fresh SQLite file in the work folder).
 */
public final class CrashLoop {
    private CrashLoop() {}

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        String scenario = o.get("scenario", "crash-webhook");
        boolean webhook = o.get("mode", "webhook").equals("webhook");
        int instances = o.number("instances", 1);
        int users = o.number("users", 1000);
        int rate = o.number("rate", 20);
        int kills = o.number("kills", 20);
        int maxSeconds = o.number("max-seconds", 600);
        int minSeconds = o.number("min-seconds", 0);
        int reminderUsers = o.number("reminders", 100);
        Path work = Path.of(o.get("work", Files.createTempDirectory("crash-loop").toString()));
        Files.createDirectories(work);
        String url = o.get("database-url", "jdbc:sqlite:" + work.resolve("bot.db"));
        String dbUser = o.get("database-user", "");
        String dbPassword = o.get("database-password", "");
        DatabaseSettings database =
                new DatabaseSettings(
                        url,
                        dbUser.isEmpty() ? null : dbUser,
                        dbPassword.isEmpty() ? null : dbPassword);
        String schema = o.get("fresh-schema", "");
        if (!schema.isEmpty()) {
            freshSchema(database, schema);
            database =
                    new DatabaseSettings(
                            url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                            database.user(),
                            database.password());
        }
        Random random = new Random(o.number("seed", 42));

        Crowd crowd = new Crowd(users, reminderUsers);
        // Reminders fall due a little into the loop, so a kill can land in the fan-out.
        Instant due = Instant.now().plusSeconds(o.number("reminder-lead-seconds", 25));
        ReminderSeeding.seed(database, crowd.reminderUserIds(), due);
        SeedUsers.returning(database, crowd.returningUserIds());

        try (BotApiFake api = new BotApiFake(crowd)) {
            List<Instance> bots = new ArrayList<>();
            List<URI> hooks = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Instance bot =
                        new Instance(
                                Path.of(o.get("jar", "bot-app/target/backcoach.jar")),
                                work.resolve("bot-" + i + ".log"),
                                api.url(),
                                webhook,
                                database);
                bots.add(bot);
                hooks.add(bot.webhook());
            }
            WebhookDelivery delivery =
                    webhook ? new WebhookDelivery(api, crowd, hooks, Instance.SECRET) : null;
            Crowd.Delivery deliver = delivery != null ? delivery::deliver : api::enqueue;
            for (Instance bot : bots) {
                bot.start();
            }
            Load load = new Load(crowd, deliver, rate);
            load.start();
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(maxSeconds);
            int done = 0;
            boolean restartsOk = true;
            boolean reminderKill = false;
            List<Instant> killedAt = new ArrayList<>();
            while (done < kills && System.nanoTime() < deadline && restartsOk) {
                long gap = 1_500L + random.nextInt(4_500);
                long untilDue = Duration.between(Instant.now(), due).toMillis();
                if (!reminderKill && untilDue > 0 && untilDue < gap + 3_000) {
                    gap = untilDue + 500 + random.nextInt(1_500); // into the fan-out
                    reminderKill = true;
                }
                Thread.sleep(gap);
                Instance victim = bots.get(done % bots.size());
                killedAt.add(Instant.now());
                victim.kill();
                crowd.killed();
                done++;
                long down = System.nanoTime();
                restartsOk = victim.start();
                System.out.printf(
                        "%s: kill %d at %d s, ready again after %d ms%n",
                        scenario,
                        done,
                        TimeUnit.NANOSECONDS.toSeconds(down - started),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down));
            }
            long minUntil = started + TimeUnit.SECONDS.toNanos(minSeconds);
            while (System.nanoTime() < minUntil) {
                Thread.sleep(100);
            }
            Thread.sleep(3_000);
            load.stop();
            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < drainUntil
                    && (!crowd.settled() || crowd.remindersDelivered() < reminderUsers)) {
                Thread.sleep(250);
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            int errors = 0;
            int failedStarts = 0;
            for (Instance bot : bots) {
                bot.stop();
                errors += bot.errorLines();
                failedStarts += bot.failedStarts;
            }
            if (delivery != null) {
                delivery.close();
            }
            List<String> stored =
                    StoredSteps.mismatches(
                            database.url(),
                            database.user(),
                            database.password(),
                            crowd.lastSteps());
            Crowd.Tally t = crowd.tally();
            report(scenario, t, stored, done, seconds, errors, crowd.lastSteps().size());
            List<ReminderFates.Fate> fates =
                    ReminderFates.of(
                            database.url(),
                            database.user(),
                            database.password(),
                            t.missingReminderUsers,
                            killedAt);
            long unexplained = fates.stream().filter(f -> !f.explained()).count();
            fates.forEach(
                    f ->
                            System.out.printf(
                                    "%s: reminder missing, user %s (%s)%n",
                                    scenario,
                                    f.line(),
                                    f.explained()
                                            ? "marked sent, then killed before its request left"
                                            : "not explained by a kill"));
            System.out.printf(
                    "%s: start-ups that failed and were tried again: %d%n", scenario, failedStarts);
            Row row =
                    new Row(
                            scenario,
                            users
                                    + " users, "
                                    + rate
                                    + "/s, "
                                    + seconds
                                    + " s, "
                                    + reminderUsers
                                    + " reminders",
                            done + " x kill -9" + (instances > 1 ? " (of " + instances + ")" : ""));
            row.check(restartsOk, "a restart was not ready within a minute");
            row.check(done >= kills, done + " kills of " + kills + " in the time allowed");
            row.check(t.lost == 0, t.lost + " updates lost");
            row.check(
                    t.unexplainedDuplicates.isEmpty(),
                    t.unexplainedDuplicates.size() + " answered twice with no kill in flight");
            row.check(
                    t.stepViolations.isEmpty(), t.stepViolations.size() + " steps back or skipped");
            row.check(stored.isEmpty(), stored.size() + " stored steps differ from those shown");
            row.check(
                    unexplained == 0,
                    unexplained + " reminders missing, not explained by a kill at hand-over");
            row.check(t.remindersDoubled == 0, t.remindersDoubled + " reminders sent twice");
            System.exit(
                    row.print(
                            t.updates,
                            t.lost,
                            t.duplicated,
                            TimeUnit.NANOSECONDS.toMillis(t.maxLatencyNanos)));
        }
    }

    /** PostgreSQL: an empty schema of its own, so every run starts from nothing. */
    private static void freshSchema(DatabaseSettings database, String schema)
            throws java.sql.SQLException {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        try (java.sql.Connection c =
                        java.sql.DriverManager.getConnection(
                                database.url(), database.user(), database.password());
                java.sql.Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    private static void report(
            String scenario,
            Crowd.Tally t,
            List<String> stored,
            int kills,
            long seconds,
            int errors,
            int onSteps) {
        String p = scenario + ": ";
        System.out.printf(
                "%s%d kills in %d s; %d updates, %d lost, %d answered twice (%d not explained by a"
                        + " kill in flight), %d replies while nobody waited%n",
                p,
                kills,
                seconds,
                t.updates,
                t.lost,
                t.duplicated,
                t.unexplainedDuplicates.size(),
                t.strays);
        System.out.printf(
                "%sfirst reply after p50 %d ms, p99 %d ms, max %d ms%n",
                p, t.latencyMillis(0.5), t.latencyMillis(0.99), t.latencyMillis(1.0));
        System.out.printf(
                "%sreminders: %d missing, %d sent twice%n",
                p, t.missingReminderUsers.size(), t.remindersDoubled);
        System.out.printf(
                "%ssteps: %d shown one after another, %d went back or skipped; %d users ended on"
                        + " a step, %d differ from the store%n",
                p, t.stepAdvances, t.stepViolations.size(), onSteps, stored.size());
        System.out.printf("%sbot log lines at ERROR: %d%n", p, errors);
        t.lostIds.stream().limit(10).forEach(l -> System.out.println(p + "lost " + l));
        t.unexplainedDuplicates.stream()
                .limit(10)
                .forEach(l -> System.out.println(p + "twice " + l));
        t.stepViolations.stream().limit(10).forEach(l -> System.out.println(p + "step " + l));
        stored.stream().limit(10).forEach(l -> System.out.println(p + "stored " + l));
    }
}
