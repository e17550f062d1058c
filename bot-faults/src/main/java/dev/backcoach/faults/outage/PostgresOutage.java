package dev.backcoach.faults.outage;

import dev.backcoach.faults.common.BotProcess;
import dev.backcoach.faults.common.Row;
import dev.backcoach.storage.TcpProxy;
import dev.backcoach.telegram.fake.FakeBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * PostgreSQL stopped under load, through a TCP proxy in front of it (every connection cut, new ones
 * refused): {@code /readyz} turns 503 within 5 s, users hear "I can't save right now", the process
 * stays up, it is ready again within 5 s of the database's return, and every update Telegram
 * delivers again is answered. Full: 100 users and 30 s; short: 30 users and 10 s.
 */
public final class PostgresOutage {
    static final String TOKEN = "123456:TEST-token_abc";
    static final String SECRET = "fault-suite-secret";
    static final String APOLOGY = "I can't save right now";

    private PostgresOutage() {}

    public static void main(String[] args) throws Exception {
        System.exit(run());
    }

    static int run() throws Exception {
        boolean full = Row.full();
        int userCount = full ? 100 : 30;
        Duration outage = Duration.ofSeconds(full ? 30 : 10);
        Row row =
                new Row(
                        "postgres-outage",
                        userCount + " users, webhook",
                        "PostgreSQL cut " + outage.toSeconds() + " s");
        String url =
                env("BACKCOACH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/backcoach_test");
        String user = env("BACKCOACH_TEST_PG_USER", "backcoach");
        String password = env("BACKCOACH_TEST_PG_PASSWORD", "backcoach");
        String schema = "faults_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        sql(url, user, password, "CREATE SCHEMA " + schema);
        Path dir = Files.createTempDirectory("faults-pg-");
        int pgPort =
                Integer.parseInt(
                        url.replaceAll("^jdbc:postgresql://[^:/]+:?(\\d*)/.*$", "$1")
                                .transform(p -> p.isEmpty() ? "5432" : p));
        Conversations load;
        List<String> errors;
        try (FakeBotApi telegram = FakeBotApi.start(TOKEN).limits(30, 25, 20);
                TcpProxy proxy = new TcpProxy(pgPort)) {
            int webhookPort = BotProcess.freePort();
            Map<String, String> env = new HashMap<>();
            env.put("TELEGRAM_BOT_TOKEN", TOKEN);
            env.put("TELEGRAM_API_URL", telegram.baseUrl());
            env.put("TELEGRAM_MODE", "webhook");
            env.put("TELEGRAM_WEBHOOK_PORT", Integer.toString(webhookPort));
            env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
            env.put("TELEGRAM_CHAT_RATE", "20");
            String through = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            env.put(
                    "DATABASE_URL",
                    through + (through.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            env.put("DATABASE_USER", user);
            env.put("DATABASE_PASSWORD", password);
            try (BotProcess bot = BotProcess.start(env, dir.resolve("bot.log"))) {
                Redelivery webhook =
                        new Redelivery(webhookPort, SECRET, telegram, outage.plusSeconds(60));
                List<ChatUser> users = new ArrayList<>();
                for (int i = 0; i < userCount; i++) {
                    users.add(new ChatUser(1_000 + i, telegram, webhook, 16));
                }
                load = new Conversations(users, APOLOGY);
                load.start();
                Thread.sleep(5_000);

                long cutAt = System.nanoTime();
                proxy.cut();
                long downMs = waitForStatus(bot, 503, cutAt, 10_000);
                Thread.sleep(
                        Math.max(0, outage.toMillis() - (System.nanoTime() - cutAt) / 1_000_000));
                long apologiesDuring = load.apologies();
                long backAt = System.nanoTime();
                proxy.restore();
                long upMs = waitForStatus(bot, 200, backAt, 10_000);
                Thread.sleep(full ? 15_000 : 5_000);
                load.stop();

                // After the outage every user is served as before: a fresh start asks the age.
                long afterwards = 0;
                for (ChatUser u : users.subList(0, Math.min(10, users.size()))) {
                    ChatUser.Outcome outcome = u.say("/start", APOLOGY, 10_000);
                    if (outcome.answered() && !outcome.apology()) {
                        afterwards++;
                    }
                }
                row.check(
                        downMs >= 0 && downMs <= 5_000,
                        "/readyz 503 after " + downMs + " ms (at most 5000)");
                row.check(
                        upMs >= 0 && upMs <= 5_000,
                        "/readyz 200 again after " + upMs + " ms (at most 5000)");
                row.check(
                        apologiesDuring > 0, "nobody heard \"" + APOLOGY + "\" during the outage");
                row.check(
                        load.lost() == 0,
                        load.lost() + " updates never answered: " + load.lostWhat());
                row.check(
                        afterwards == Math.min(10, users.size()),
                        "only " + afterwards + " of 10 users served after the outage");
                row.check(bot.alive(), "the process died");
                row.check(
                        webhook.serverErrors() == 0,
                        webhook.serverErrors() + " answers of 5xx from the webhook");
                telegram.clearViolations();
                // db-scheduler reports each poll that finds no database as an ERROR and carries on:
                // expected while the database is away, and nothing of the bot's own.
                errors =
                        bot.errors().stream()
                                .filter(l -> !l.contains("Unhandled exception. Will keep running."))
                                .toList();
                System.err.printf(
                        "postgres-outage: %d updates, %d apologies (%d during the cut), 503 after %d ms, 200 after %d ms, %d re-sent, %d error lines%n",
                        load.updates(),
                        load.apologies(),
                        apologiesDuring,
                        downMs,
                        upMs,
                        webhook.resent(),
                        errors.size());
            }
            row.check(
                    orphans(url, user, password, schema) == 0,
                    "half-applied turns in the database");
        } finally {
            sql(url, user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        row.check(errors.isEmpty(), "unexpected ERROR lines: " + errors.stream().limit(5).toList());
        return row.print(load.updates(), load.lost(), load.duplicated(), load.maxLatencyMs());
    }

    /** Milliseconds from {@code since} until /readyz answers {@code status}, or -1. */
    static long waitForStatus(BotProcess bot, int status, long since, long maxMs)
            throws InterruptedException {
        while ((System.nanoTime() - since) / 1_000_000 < maxMs) {
            if (bot.readyz() == status) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            Thread.sleep(50);
        }
        return -1;
    }

    /**
     * Replies stored for an event whose user has no session: a turn whose writes were split. Each
     * turn writes both in one transaction, so there must be none.
     */
    static long orphans(String url, String user, String password, String schema) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement();
                ResultSet r =
                        s.executeQuery(
                                "SELECT count(*) FROM "
                                        + schema
                                        + ".processed_event e WHERE NOT EXISTS"
                                        + " (SELECT 1 FROM "
                                        + schema
                                        + ".user_session s"
                                        + " WHERE s.platform = e.platform AND s.user_id = e.user_id)")) {
            r.next();
            return r.getLong(1);
        }
    }

    static void sql(String url, String user, String password, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
