package dev.backcoach.faults.outage;

import dev.backcoach.faults.common.BotProcess;
import dev.backcoach.faults.common.Row;
import dev.backcoach.telegram.fake.FakeBotApi;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQLite on a small disk of its own ({@code SqliteDisk <mount point>}; the script mounts a tmpfs),
 * the bot running as an unprivileged user (root ignores file modes). First the disk fills up under
 * load, then space returns; then the database file is made read-only and the bot restarted on it,
 * then write permission returns. Each time: a clear log line, users hear "I can't save right now",
 * service resumes by itself, and {@code PRAGMA integrity_check} says ok at the end.
 */
public final class SqliteDisk {
    static final String TOKEN = "123456:TEST-token_abc";
    static final String SECRET = "fault-suite-secret";
    static final String APOLOGY = "I can't save right now";
    static final List<String> AS_NOBODY = List.of("runuser", "-u", "nobody", "--");

    /** The jar nobody starts: a readable copy (see {@link #run}). */
    private static String jar = "backcoach.jar";

    private SqliteDisk() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(Path.of(args[0])));
    }

    static int run(Path disk) throws Exception {
        boolean full = Row.full();
        int userCount = full ? 20 : 8;
        Duration phase = Duration.ofSeconds(full ? 20 : 6);
        Row row =
                new Row(
                        "sqlite-disk",
                        userCount + " users, webhook",
                        "disk full " + phase.toSeconds() + " s; database file read-only");
        Path logs = Files.createTempDirectory("faults-sqlite-");
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxrwx"));
        // The bot runs as nobody, who may not reach the build's folder (a clone in a private
        // temporary folder, as on CI): it gets a readable copy of the jar.
        Path readable = logs.resolve("backcoach.jar");
        Files.copy(
                Path.of(BotProcess.jar()),
                readable,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
        jar = readable.toString();
        Path data = disk.resolve("data");
        Files.createDirectories(data);
        chown(data);
        Path db = data.resolve("bot.db");
        List<ChatUser> users = new ArrayList<>();
        Conversations load;
        long fullApologies;
        long readOnlyApologies = 0;
        try (FakeBotApi telegram = FakeBotApi.start(TOKEN).limits(30, 25, 20)) {
            int webhookPort = BotProcess.freePort();
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", TOKEN);
            env.put("TELEGRAM_API_URL", telegram.baseUrl());
            env.put("TELEGRAM_MODE", "webhook");
            env.put("TELEGRAM_WEBHOOK_PORT", Integer.toString(webhookPort));
            env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
            env.put("TELEGRAM_CHAT_RATE", "20");
            env.put("DATABASE_URL", "jdbc:sqlite:" + db);
            Redelivery webhook =
                    new Redelivery(webhookPort, SECRET, telegram, Duration.ofSeconds(60));
            for (int i = 0; i < userCount; i++) {
                users.add(new ChatUser(2_000 + i, telegram, webhook, 51));
            }

            // 1. The disk fills up under load, then space returns.
            Path log1 = logs.resolve("bot-disk-full.log");
            try (BotProcess bot = startReady(env, log1)) {
                load = new Conversations(users, APOLOGY);
                load.start();
                Thread.sleep(3_000);
                Path filler = disk.resolve("filler");
                long filled = fill(filler);
                Thread.sleep(phase.toMillis());
                fullApologies = load.apologies();
                Files.delete(filler);
                boolean resumed = servedAgain(users.get(0), Duration.ofSeconds(20));
                load.stop();
                List<String> lines =
                        matching(bot, "SQLITE_FULL", "disk is full", "database or disk is full");
                lines.stream().limit(2).forEach(l -> System.err.println("  disk full, log: " + l));
                System.err.printf(
                        "sqlite-disk: filled %d bytes; %d apologies%n", filled, fullApologies);
                row.check(
                        fullApologies > 0,
                        "nobody heard \"" + APOLOGY + "\" while the disk was full");
                row.check(!lines.isEmpty(), "no log line names the full disk");
                row.check(resumed, "not served again after space returned");
                row.check(bot.alive(), "the process died while the disk was full");
                row.check(allowedErrors(bot).isEmpty(), "ERROR lines: " + allowedErrors(bot));
            }
            row.check(integrityOk(db), "the database is corrupt after the disk was full");
            chown(data); // the check ran as root; the bot's user must own what it left

            // 2. The database file turns read-only (a restore with the wrong owner, say) and the
            // bot
            // starts on it; then write permission returns.
            Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
            Path log2 = logs.resolve("bot-read-only.log");
            BotProcess bot = BotProcess.launch(AS_NOBODY, jar, env, log2);
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (bot.alive() && bot.readyz() == -1 && System.nanoTime() < deadline) {
                    Thread.sleep(200); // starting, on a busy machine
                }
                Thread.sleep(2_000); // what it says once it has looked at the file
                boolean up = bot.alive();
                int status = bot.readyz();
                if (up && status != -1) {
                    ChatUser.Outcome outcome = users.get(1).say("hello", APOLOGY, 10_000);
                    readOnlyApologies = outcome.apology() ? 1 : 0;
                    row.check(outcome.answered(), "no answer while the file was read-only");
                }
                List<String> lines =
                        matching(bot, "READONLY", "read-only", "readonly", "writable", "write");
                lines.stream().limit(2).forEach(l -> System.err.println("  read-only, log: " + l));
                System.err.printf(
                        "sqlite-disk: on a read-only file the bot is %s, /readyz %d, exit %d%n",
                        up ? "up" : "down", status, bot.exitCode());
                row.check(!lines.isEmpty(), "no log line names the read-only database");
                row.check(
                        !up || readOnlyApologies > 0 || status == 503,
                        "up on a read-only file, yet neither 503 nor an apology");
                Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
                if (!bot.alive()) { // it stopped with its line: an operator (or systemd) starts it
                    // again
                    bot = startReady(env, logs.resolve("bot-after.log"));
                }
                row.check(
                        servedAgain(users.get(1), Duration.ofSeconds(20)),
                        "not served again after write permission returned");
                row.check(allowedErrors(bot).isEmpty(), "ERROR lines: " + allowedErrors(bot));
            } finally {
                bot.close();
            }
            telegram.clearViolations();
        }
        row.check(integrityOk(db), "PRAGMA integrity_check is not ok at the end");
        System.err.println("sqlite-disk: logs in " + logs);
        return row.print(load.updates(), load.lost(), load.duplicated(), load.maxLatencyMs());
    }

    private static BotProcess startReady(Map<String, String> env, Path log) throws Exception {
        BotProcess bot = BotProcess.launch(AS_NOBODY, jar, env, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (bot.readyz() != 200) {
            if (!bot.alive() || System.nanoTime() > deadline) {
                bot.close();
                throw new IllegalStateException("the bot did not get ready; see " + log);
            }
            Thread.sleep(100);
        }
        return bot;
    }

    /**
     * A user's plain message answered with something other than the apology, within {@code max}.
     */
    private static boolean servedAgain(ChatUser user, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            ChatUser.Outcome outcome = user.say("/help", APOLOGY, 5_000);
            if (outcome.answered() && !outcome.apology()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Writes until the disk refuses: the bytes written. */
    private static long fill(Path filler) {
        long written = 0;
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException e) {
            return written; // no space left on device
        }
    }

    private static List<String> matching(BotProcess bot, String... needles) {
        List<String> out = new ArrayList<>();
        for (String line : bot.logLines()) {
            for (String needle : needles) {
                if (line.contains(needle) && !line.startsWith("\t")) {
                    out.add(line);
                    break;
                }
            }
        }
        return out;
    }

    /**
     * ERROR lines other than db-scheduler's "will keep running" while the database refuses writes.
     */
    private static List<String> allowedErrors(BotProcess bot) {
        return bot.errors().stream()
                .filter(l -> !l.contains("Unhandled exception. Will keep running."))
                .toList();
    }

    private static boolean integrityOk(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            return r.next() && "ok".equals(r.getString(1));
        }
    }

    private static void chown(Path dir) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder("chown", "-R", "nobody:nogroup", dir.toString())
                        .inheritIO()
                        .start();
        if (p.waitFor() != 0) {
            throw new IOException("chown failed");
        }
    }
}
