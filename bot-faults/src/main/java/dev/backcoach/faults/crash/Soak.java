package dev.backcoach.faults.crash;

import dev.backcoach.faults.common.BotApiFake;
import dev.backcoach.faults.common.Options;
import dev.backcoach.faults.common.Row;
import dev.backcoach.faults.common.WebhookDelivery;
import dev.backcoach.storage.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The soak: a steady load on one bot (webhook mode, SQLite) for a long time, nothing broken on
 * purpose. Between the end of the warm-up and the end, the heap after a full collection and the
 * resident memory may grow by less than 5 %, and threads, open files and the write-ahead log must
 * not grow; handled events are purged on schedule (EVENT_RETENTION_MINUTES, short here). No update
 * may go unanswered. Prints one ROW.
 *
 * <p>Options: {@code --minutes --warmup-seconds --users --rate --retention-minutes --jar --work
 * --launcher} (bin/backcoach: the bot started as operators start it, with its collector and malloc
 * settings; without it, plain {@code java -jar}).
 */
public final class Soak {
    private static final double GROWTH = 1.05;

    private Soak() {}

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        int minutes = o.number("minutes", 30);
        int warmup = o.number("warmup-seconds", 120);
        int users = o.number("users", 1000);
        int rate = o.number("rate", 20);
        int retention = o.number("retention-minutes", 1);
        Path work = Path.of(o.get("work", Files.createTempDirectory("soak").toString()));
        Files.createDirectories(work);
        Path db = work.resolve("bot.db");
        DatabaseSettings database = new DatabaseSettings("jdbc:sqlite:" + db, null, null);
        Crowd crowd = new Crowd(users, 0);
        crowd.everyoneFirst();
        SeedUsers.returning(database, crowd.returningUserIds());
        try (BotApiFake api = new BotApiFake(crowd)) {
            Instance bot =
                    new Instance(
                            Path.of(o.get("jar", "bot-app/target/backcoach.jar")),
                            work.resolve("bot.log"),
                            api.url(),
                            true,
                            database,
                            jvmOptions(),
                            Map.of("EVENT_RETENTION_MINUTES", Integer.toString(retention)));
            String launcher = o.get("launcher", "");
            if (!launcher.isEmpty()) {
                bot.launcher = Path.of(launcher);
            }
            WebhookDelivery delivery =
                    new WebhookDelivery(api, crowd, List.of(bot.webhook()), Instance.SECRET);
            if (!bot.start()) {
                throw new IllegalStateException("the bot did not start; see " + work);
            }
            Load load = new Load(crowd, delivery::deliver, rate);
            load.start();
            long started = System.nanoTime();
            Path wal = Path.of(db + "-wal");
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            ProcessGauges warm = ProcessGauges.read(bot.pid(), wal, true);
            System.out.println("soak: after the warm-up (" + warmup + " s): " + warm.line());
            NativeMemory nmt = new NativeMemory(bot.pid(), work);
            nmt.baseline();
            List<ProcessGauges> samples = new ArrayList<>();
            long end = started + TimeUnit.MINUTES.toNanos(minutes);
            long purgeFailures = 0;
            while (System.nanoTime() < end) {
                Thread.sleep(
                        Math.min(
                                30_000,
                                Math.max(
                                        1,
                                        TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
                ProcessGauges now = ProcessGauges.read(bot.pid(), wal, false);
                samples.add(now);
                Duration oldest = oldestEvent(db);
                boolean onSchedule =
                        oldest.compareTo(Duration.ofMinutes(2L * retention).plusSeconds(60)) <= 0;
                if (!onSchedule) {
                    purgeFailures++;
                }
                long at = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                System.out.printf(
                        "soak: %d s: %s, oldest handled event %d s old; %s%n",
                        at, now.line(), oldest.toSeconds(), nmt.diff(Long.toString(at)));
            }
            ProcessGauges last = ProcessGauges.read(bot.pid(), wal, true);
            load.stop();
            long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!crowd.settled() && System.nanoTime() < drain) {
                Thread.sleep(250);
            }
            bot.stop();
            delivery.close();
            System.out.println("soak: at the end: " + last.line());
            List<String> grew = new ArrayList<>();
            if (last.heapKb() > warm.heapKb() * GROWTH) {
                grew.add("heap");
            }
            if (last.rssKb() > warm.rssKb() * GROWTH) {
                grew.add("RSS");
            }
            // Threads and files come and go with connections: the end must not exceed the most
            // seen in the first samples after the warm-up.
            ProcessGauges early = peak(samples.subList(0, Math.min(3, samples.size())), warm);
            if (last.threads() > early.threads()) {
                grew.add("threads");
            }
            if (last.fds() > early.fds()) {
                grew.add("open files");
            }
            if (last.walKb() > Math.max(early.walKb() * GROWTH, 4096)) {
                grew.add("WAL");
            }
            Crowd.Tally t = crowd.tally();
            System.out.printf(
                    "soak: grew: %s; purge late in %d samples; %d updates, %d lost; bot log lines"
                            + " at ERROR: %d; start-ups that failed and were tried again: %d%n",
                    grew.isEmpty() ? "nothing" : String.join(", ", grew),
                    purgeFailures,
                    t.updates,
                    t.lost,
                    bot.errorLines(),
                    bot.failedStarts);
            Row row =
                    new Row(
                            o.get("scenario", "soak"),
                            users + " users, " + rate + "/s, " + minutes + " min",
                            "none; heap "
                                    + warm.heapKb() / 1024
                                    + "->"
                                    + last.heapKb() / 1024
                                    + " MiB, RSS "
                                    + warm.rssKb() / 1024
                                    + "->"
                                    + last.rssKb() / 1024
                                    + " MiB");
            row.check(grew.isEmpty(), "grew: " + String.join(", ", grew));
            row.check(purgeFailures == 0, "purge late in " + purgeFailures + " samples");
            row.check(t.lost == 0, t.lost + " updates lost");
            row.check(bot.errorLines() == 0, bot.errorLines() + " bot log lines at ERROR");
            System.exit(
                    row.print(
                            t.updates,
                            t.lost,
                            t.duplicated,
                            TimeUnit.NANOSECONDS.toMillis(t.maxLatencyNanos)));
        }
    }

    /**
     * The heap committed and touched at start, so resident memory shows what grows outside it
     * (threads, buffers, classes, native memory); the heap itself is measured by jcmd. Native
     * Memory Tracking names the areas that grow. FAULT_SOAK_JAVA_OPTS adds options (to compare).
     */
    private static List<String> jvmOptions() {
        List<String> options =
                new ArrayList<>(
                        List.of(
                                "-Xms256m",
                                "-Xmx256m",
                                "-XX:+AlwaysPreTouch",
                                NativeMemory.TRACKING));
        String extra = System.getenv("FAULT_SOAK_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return options;
    }

    private static ProcessGauges peak(List<ProcessGauges> samples, ProcessGauges warm) {
        long threads = warm.threads();
        long fds = warm.fds();
        long wal = warm.walKb();
        for (ProcessGauges g : samples) {
            threads = Math.max(threads, g.threads());
            fds = Math.max(fds, g.fds());
            wal = Math.max(wal, g.walKb());
        }
        return new ProcessGauges(warm.heapKb(), warm.rssKb(), threads, fds, wal);
    }

    /** The age of the oldest handled event still stored (zero when none is). */
    private static Duration oldestEvent(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT MIN(created_at) FROM processed_event")) {
            String oldest = r.next() ? r.getString(1) : null;
            return oldest == null
                    ? Duration.ZERO
                    : Duration.between(Instant.parse(oldest), Instant.now());
        }
    }
}
