package dev.backcoach.faults.discord;

import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.Shown;
import dev.backcoach.faults.common.BotProcess;
import dev.backcoach.faults.common.Options;
import dev.backcoach.faults.common.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fuzzed interactions through the fake gateway to the real bot process (Discord mode), while a
 * scripted user goes about their conversation and must be answered every time. Passes with the
 * process alive and stopping cleanly, no ERROR line with a stack trace and no dead thread in its
 * log, the scripted user served throughout, and nothing the strict fake refused other than answers
 * to interactions whose id or token the fuzz forged (Discord refuses those too).
 *
 * <p>Options: {@code --count} (10,000 full, 1,500 short), {@code --rate} a second (100), {@code
 * --seed}.
 */
public final class FuzzDiscord {
    static final long SCRIPTED_USER = 424_242_424_242_424_242L;

    private FuzzDiscord() {}

    public static void main(String[] args) throws Exception {
        Options o = new Options(args);
        boolean full = "full".equals(System.getenv().getOrDefault("FAULT_MODE", "short"));
        int count = o.number("count", full ? 10_000 : 1_500);
        int rate = o.number("rate", 100);
        long seed = Long.parseLong(o.get("seed", Long.toString(System.nanoTime() % 1_000_000_000)));
        System.err.println(
                "fuzz-discord: seed "
                        + seed
                        + " (rerun: --count="
                        + count
                        + " --seed="
                        + seed
                        + ")");
        Path work = Files.createTempDirectory("discord-fuzz-");
        Path log = work.resolve("bot.log");
        boolean pass;
        try (FakeDiscord discord = FakeDiscord.start()) {
            int port = Options.freePort();
            Map<String, String> env = new HashMap<>();
            env.put("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN);
            env.put("DISCORD_API_URL", discord.apiUrl());
            env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
            env.put("DATABASE_URL", "jdbc:sqlite:" + work.resolve("bot.db"));
            env.put("HTTP_PORT", Integer.toString(port));
            BotProcess bot =
                    BotProcess.launch(
                            List.of(),
                            List.of("-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true"),
                            DiscordStorm.jar(),
                            env,
                            log);
            if (!bot.awaitReady(Duration.ofMinutes(2))) {
                bot.stop(Duration.ofSeconds(5));
                System.err.println("fuzz-discord: the bot did not get ready; see " + log);
                System.exit(1);
            }
            InteractionFuzzer fuzzer = new InteractionFuzzer(seed, discord.applicationId());
            Scripted scripted = new Scripted(discord);
            Thread scriptedThread = new Thread(scripted, "scripted-user");
            scriptedThread.setDaemon(true);
            scriptedThread.start();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                discord.injectRaw(fuzzer.next(500_000_000_000_000_000L + i % 200));
            }
            long seconds = Math.max(1, (System.nanoTime() - start) / 1_000_000_000L);
            scripted.stop();
            scriptedThread.join(60_000);
            Thread.sleep(3_000); // the last answers
            boolean alive = bot.alive();
            int exit = alive ? bot.stop(Duration.ofSeconds(30)) : -1;
            BotLog botLog = BotLog.read(log);
            List<String> unhandled = botLog.unhandled();
            Map<String, Long> refused = new TreeMap<>();
            List<String> real =
                    discord.violations().stream().filter(v -> !forged(v, refused)).toList();
            long unreadable = botLog.count("Got an unexpected Json-parse error");
            System.err.printf(
                    "fuzz-discord: %d interactions (%d kinds) in %d s; scripted user %d turns, %d"
                            + " unanswered, slowest %d ms; %d ERROR lines with a stack trace, %d"
                            + " payloads JDA could not read (WARN), %d refusals of forged"
                            + " interactions %s, %d other refusals; exit code %d%n",
                    count,
                    fuzzer.kinds(),
                    seconds,
                    scripted.turns.get(),
                    scripted.lost.get(),
                    scripted.slowest.get(),
                    unhandled.size(),
                    unreadable,
                    refused.values().stream().mapToLong(Long::longValue).sum(),
                    refused,
                    real.size(),
                    exit);
            unhandled.stream().limit(10).forEach(l -> System.err.println("  log: " + l));
            real.stream().limit(10).forEach(v -> System.err.println("  fake: " + abbreviate(v)));
            pass =
                    alive
                            && exit == 0
                            && unhandled.isEmpty()
                            && real.isEmpty()
                            && scripted.turns.get() > 0
                            && scripted.lost.get() == 0;
            Row row =
                    new Row(
                            "fuzz-discord",
                            count + " fuzzed interactions + 1 scripted user",
                            fuzzer.kinds() + " interaction types, seed " + seed);
            row.check(pass, "the checks above");
            row.print(count, scripted.lost.get(), 0, scripted.slowest.get());
        }
        if (!"1".equals(System.getenv("FAULT_KEEP"))) {
            DiscordStorm.deleteTree(work);
        } else {
            System.err.println("fuzz-discord: kept " + work);
        }
        System.exit(pass ? 0 : 1);
    }

    /**
     * Refusals Discord would make too, of answers to what the fuzz forged: an id or token it bent,
     * so the answer names an interaction Discord never made.
     */
    static boolean forged(String violation, Map<String, Long> counts) {
        String kind;
        if (violation.startsWith("callback for an unknown interaction")) {
            kind = "unknown interaction";
        } else if (violation.startsWith("no such route in Discord's API")) {
            kind = "malformed id in the route";
        } else {
            return false;
        }
        counts.merge(kind, 1L, Long::sum);
        return true;
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The normal user: /help, /start and a click on the newest buttons, in turn, each answered. */
    static final class Scripted implements Runnable {
        final FakeDiscord discord;
        final AtomicLong turns = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        final AtomicLong slowest = new AtomicLong();
        private volatile boolean running = true;

        Scripted(FakeDiscord discord) {
            this.discord = discord;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            try {
                int step = 0;
                while (running) {
                    long id;
                    Shown buttons =
                            discord.screen(SCRIPTED_USER).stream()
                                    .filter(Shown::hasButtons)
                                    .reduce((a, b) -> b)
                                    .orElse(null);
                    if (step % 3 == 2 && buttons != null) {
                        id =
                                discord.click(
                                        SCRIPTED_USER,
                                        0,
                                        buttons.id(),
                                        buttons.rows().get(0).get(0).customId());
                    } else {
                        id =
                                discord.slash(
                                        SCRIPTED_USER,
                                        0,
                                        step % 3 == 0 ? "help" : "start",
                                        Map.of());
                    }
                    step++;
                    long t0 = System.nanoTime();
                    while (!StormUser.answered(discord.outcome(id))
                            && System.nanoTime() - t0 < 30_000_000_000L) {
                        Thread.sleep(10);
                    }
                    turns.incrementAndGet();
                    if (!StormUser.answered(discord.outcome(id))) {
                        lost.incrementAndGet();
                        System.err.println(
                                "fuzz-discord: scripted user unanswered: interaction " + id);
                    }
                    slowest.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                    Thread.sleep(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
