package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.PostgresSchema;
import dev.backcoach.storage.schedule.ReminderSeeding;
import dev.backcoach.telegram.fake.FakeBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as its own JVM: evening reminders are claimed, Telegram refuses them for now (502), and
 * the process is killed while they wait for their retry. Started again, it sends each of them once:
 * a claim that never reached Telegram is not a reminder sent (the fault suite's polling crash loop
 * lost one this way). On SQLite and on PostgreSQL.
 */
class ReminderHandOverRestartTest {
    /** Fewer than the scheduler's task threads: each waits while its reminder is retried. */
    static final int USERS = 12;

    @TempDir Path dir;

    @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

    @Test
    void onSqliteAReminderRefusedForNowWhenTheProcessDiedIsSentOnceAfterTheRestart()
            throws Exception {
        Files.createDirectories(dir.resolve("state"));
        DatabaseSettings db =
                new DatabaseSettings("jdbc:sqlite:" + dir.resolve("state/bot.db"), null, null);
        sentOnceAfterRestart(db, Map.of("DATABASE_URL", "jdbc:sqlite:state/bot.db"));
    }

    @Test
    void onPostgresAReminderRefusedForNowWhenTheProcessDiedIsSentOnceAfterTheRestart()
            throws Exception {
        DatabaseSettings db = postgres.settings();
        sentOnceAfterRestart(
                db,
                Map.of(
                        "DATABASE_URL", db.url(),
                        "DATABASE_USER", String.valueOf(db.user()),
                        "DATABASE_PASSWORD", String.valueOf(db.password())));
    }

    private void sentOnceAfterRestart(DatabaseSettings db, Map<String, String> database)
            throws Exception {
        List<Long> users = LongStream.range(70_000, 70_000 + USERS).boxed().toList();
        ReminderSeeding.seed(db, users, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        AtomicBoolean refusing = new AtomicBoolean(true);
        try (FakeBotApi telegram = FakeBotApi.start(TelegramHarness.TOKEN).limits(1000, 25, 20)) {
            telegram.storm(
                    (method, nanos) ->
                            refusing.get() && method.equals("sendMessage")
                                    ? FakeBotApi.Fault.error(502, "Bad Gateway", null)
                                    : null);
            Map<String, String> env = new HashMap<>(database);
            env.put("TELEGRAM_BOT_TOKEN", TelegramHarness.TOKEN);
            env.put("TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.port());
            env.put("TELEGRAM_SEND_RATE", "100");
            env.put("LOG_LEVEL", "INFO");
            try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
                // Every reminder claimed and tried; killed between tries, once no request has
                // come for a second (a 502 answered a moment ago may not be recorded yet).
                await().atMost(Duration.ofSeconds(60)).until(() -> triedChats(telegram) == USERS);
                AtomicInteger seen = new AtomicInteger(-1);
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(
                                () ->
                                        seen.getAndSet(telegram.calls("sendMessage").size())
                                                == seen.get());
                bot.kill();
            }
            assertThat(shown(telegram)).as("nothing reached a user").isZero();
            refusing.set(false);

            try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
                // The dead process's tasks are taken over after missed heartbeats (20 to 40 s).
                try {
                    await().atMost(Duration.ofSeconds(150)).until(() -> shown(telegram) >= USERS);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError(
                            shown(telegram)
                                    + " of "
                                    + USERS
                                    + " shown; the bot's log:\n"
                                    + bot.stderr(),
                            e);
                }
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> shown(telegram) == USERS);
                bot.kill();
            }
            assertThat(users)
                    .as("one reminder per user")
                    .allSatisfy(id -> assertThat(telegram.chat(id)).hasSize(1));
        }
    }

    private static long triedChats(FakeBotApi telegram) {
        return telegram.calls("sendMessage").stream()
                .map(c -> c.param("chat_id"))
                .distinct()
                .count();
    }

    private static long shown(FakeBotApi telegram) {
        long n = 0;
        for (long id = 70_000; id < 70_000 + USERS; id++) {
            n += telegram.chat(id).size();
        }
        return n;
    }
}
