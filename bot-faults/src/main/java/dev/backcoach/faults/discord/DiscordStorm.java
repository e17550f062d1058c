package dev.backcoach.faults.discord;

import dev.backcoach.core.model.Platform;
import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.Shown;
import dev.backcoach.faults.common.BotProcess;
import dev.backcoach.faults.common.Daemons;
import dev.backcoach.faults.common.Options;
import dev.backcoach.faults.common.Row;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.schedule.ReminderSeeding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The Discord storm: the real bot process against the strict fake Discord while a steady crowd
 * types slash commands and clicks buttons through the gateway. Meanwhile REST answers 429 (bucket
 * headers; per route, and global outside interaction routes) and 5xx, every route's bucket allows 2
 * calls a second (a call the headers held back is a violation), and the gateway drops every 30 s,
 * in turn resumable and not (so the bot resumes, then identifies anew). Reminders fall due in the
 * middle, so DMs meet the global limits. Each interaction must be acknowledged within 3 s or
 * reported lost by the bot with its reason; any silent loss fails the run.
 *
 * <p>Options: {@code --seconds} (50 short, 300 full), {@code --users} (20), {@code --drop-every}
 * (20 short, 30 full), {@code --reminders} (20), {@code --seed}.
 */
public final class DiscordStorm {
    private static final long GUILD = 880_000_000_000_000_001L;

    private DiscordStorm() {}

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        boolean full = "full".equals(System.getenv().getOrDefault("FAULT_MODE", "short"));
        int seconds = o.number("seconds", full ? 300 : 50);
        int users = o.number("users", 20);
        int dropEvery = o.number("drop-every", full ? 30 : 20);
        int reminders = o.number("reminders", 20);
        long seed = Long.parseLong(o.get("seed", Long.toString(System.nanoTime() % 1_000_000)));
        System.err.println("discord-storm: seed " + seed);
        Path work = Files.createTempDirectory("discord-storm-");
        DatabaseSettings db =
                new DatabaseSettings("jdbc:sqlite:" + work.resolve("bot.db"), null, null);
        List<Long> reminderIds =
                LongStream.range(0, reminders)
                        .map(i -> 300_000_000_000_000_000L + i)
                        .boxed()
                        .toList();
        Path log = work.resolve("bot.log");
        boolean pass;
        try (FakeDiscord discord = FakeDiscord.start()) {
            discord.rateBuckets(2, Duration.ofSeconds(1));
            int port = Options.freePort();
            Map<String, String> env = new HashMap<>();
            env.put("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN);
            env.put("DISCORD_API_URL", discord.apiUrl());
            env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
            env.put("DATABASE_URL", db.url());
            env.put("HTTP_PORT", Integer.toString(port));
            BotProcess bot =
                    BotProcess.launch(
                            List.of(),
                            List.of("-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true"),
                            jar(),
                            env,
                            log);
            if (!bot.awaitReady(Duration.ofMinutes(2))) {
                bot.stop(Duration.ofSeconds(5));
                System.err.println("discord-storm: the bot did not get ready; see " + log);
                System.exit(1);
            }
            // Due once the storm is under way (seeded after start-up, so the bot's own schedule
            // picks them up from the database).
            Instant due = Instant.now().plusSeconds(Math.min(35, seconds / 2));
            ReminderSeeding.seed(db, Platform.DISCORD, reminderIds, due);
            StormFaults faults = new StormFaults(seed);
            discord.faults(faults);

            List<StormUser.Made> made = StormUser.log();
            List<StormUser> crowd = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                StormUser user =
                        new StormUser(
                                discord,
                                100_000_000_000_000_000L + i,
                                i % 2 == 0 ? GUILD : 0,
                                seed * 31 + i,
                                made);
                crowd.add(user);
                Thread thread = Daemons.named("storm-user-" + i).newThread(user);
                threads.add(thread);
                thread.start();
            }
            long start = System.nanoTime();
            int drops = 0;
            while (System.nanoTime() - start < seconds * 1_000_000_000L) {
                Thread.sleep(250);
                long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
                if (elapsed >= (long) dropEvery * (drops + 1)) {
                    boolean resumable = drops % 2 == 0;
                    discord.dropGateway(resumable);
                    drops++;
                    System.err.printf(
                            "discord-storm: %d s, gateway dropped (%s)%n",
                            elapsed, resumable ? "resumable" : "session lost");
                }
            }
            crowd.forEach(StormUser::stop);
            for (Thread thread : threads) {
                thread.join(20_000);
            }
            faults.off();
            long remindersShown = awaitReminders(discord, reminderIds, Duration.ofSeconds(60));
            Thread.sleep(2_000); // the last answers' follow-ups
            int exit = bot.alive() ? bot.stop(Duration.ofSeconds(30)) : -1;
            BotLog botLog = BotLog.read(log);
            StormTally t = StormTally.of(discord, made, botLog.lost());
            List<String> violations =
                    discord.violations().stream()
                            .filter(v -> !v.contains("(10062 Unknown interaction)"))
                            .toList();
            long twice = violations.stream().filter(v -> v.contains("answered twice")).count();
            List<String> unhandled = botLog.unhandled();
            Map<String, Integer> injected = discord.injected();
            System.err.printf(
                    "discord-storm: %d interactions: %d acknowledged in time, %d then given"
                            + " further messages, %d lost with a logged reason, %d silent, %d"
                            + " never delivered (session lost); ack p99 %d ms, max %d ms%n",
                    t.made,
                    t.ackedInTime,
                    t.followUpsDelivered,
                    t.lostLogged,
                    t.silent.size(),
                    t.undelivered,
                    t.p99AckMillis,
                    t.maxAckMillis);
            System.err.printf(
                    "discord-storm: faults %s; gateway drops %d, resumes %d, refused resumes %d,"
                            + " identifies %d; reminders shown %d of %d; exit code %d%n",
                    injected,
                    drops,
                    discord.resumes(),
                    discord.refusedResumes(),
                    discord.identifies(),
                    remindersShown,
                    reminders,
                    exit);
            t.lostReasons.stream().limit(10).forEach(r -> System.err.println("  lost: " + r));
            t.silent.stream().limit(10).forEach(s -> System.err.println("  SILENT: " + s));
            violations.stream().limit(10).forEach(v -> System.err.println("  fake: " + v));
            unhandled.stream().limit(10).forEach(l -> System.err.println("  log: " + l));
            botLog.reported().stream()
                    .limit(5)
                    .forEach(l -> System.err.println("  library report: " + l));
            long dmsReported = botLog.count("DM to a Discord user not delivered");
            Map<String, Boolean> checks = new java.util.LinkedHashMap<>();
            checks.put("no silent loss", t.silent.isEmpty());
            checks.put("nothing the fake refused", violations.isEmpty());
            checks.put("no ERROR with a stack trace", unhandled.isEmpty());
            checks.put("exit code 0", exit == 0);
            checks.put("interactions made", t.made > 0);
            checks.put("resumed", discord.resumes() > 0);
            checks.put("identified anew", discord.identifies() > 1);
            checks.put(
                    "every reminder shown or reported", remindersShown + dmsReported >= reminders);
            checks.forEach(
                    (check, ok) -> {
                        if (!ok) {
                            System.err.println("FAIL discord-storm: " + check);
                        }
                    });
            pass = !checks.containsValue(false);
            Row row =
                    new Row(
                            "discord-storm",
                            users
                                    + " users, slash+buttons, "
                                    + seconds
                                    + " s: "
                                    + t.ackedInTime
                                    + " acked in time, "
                                    + t.followUpsDelivered
                                    + " follow-ups, "
                                    + t.lostLogged
                                    + " lost (logged), "
                                    + t.undelivered
                                    + " undelivered; "
                                    + remindersShown
                                    + "/"
                                    + reminders
                                    + " reminders ("
                                    + dmsReported
                                    + " DMs reported lost)",
                            faultText(injected)
                                    + ", "
                                    + drops
                                    + " drops: "
                                    + discord.resumes()
                                    + " resumes, "
                                    + discord.identifies()
                                    + " identifies");
            row.check(pass, "the checks above");
            row.print(t.made, t.lostLogged + t.silent.size(), twice, t.maxAckMillis);
        }
        if (!"1".equals(System.getenv("FAULT_KEEP"))) {
            deleteTree(work);
        } else {
            System.err.println("discord-storm: kept " + work);
        }
        System.exit(pass ? 0 : 1);
    }

    static String faultText(Map<String, Integer> injected) {
        int fivexx =
                injected.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("5"))
                        .mapToInt(Map.Entry::getValue)
                        .sum();
        return "429 route "
                + injected.getOrDefault("429 route", 0)
                + ", 429 global "
                + injected.getOrDefault("429 global", 0)
                + ", 5xx "
                + fivexx;
    }

    /** How many of the reminder users were shown a DM, waiting up to {@code max} for all. */
    private static long awaitReminders(FakeDiscord discord, List<Long> ids, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long shown = 0;
        while (System.nanoTime() < deadline) {
            shown =
                    ids.stream()
                            .filter(id -> discord.screen(id).stream().anyMatch(Shown::dm))
                            .count();
            if (shown == ids.size()) {
                break;
            }
            Thread.sleep(200);
        }
        return shown;
    }

    static String jar() {
        String jar = System.getenv("APP_JAR");
        if (jar == null || jar.isBlank()) {
            jar = System.getenv().getOrDefault("BACKCOACH_JAR", "bot-app/target/backcoach.jar");
        }
        return jar;
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
