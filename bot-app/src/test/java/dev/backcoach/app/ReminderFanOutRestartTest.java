package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.schedule.ReminderSeeding;
import dev.backcoach.telegram.fake.FakeBotApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as its own JVM, killed with SIGKILL in the middle of sending 300 evening reminders that
 * are all due at once, then started again: every user gets exactly one reminder.
 */
class ReminderFanOutRestartTest {
    static final int USERS = 300;

    @TempDir Path dir;

    @Test
    void afterSigkillMidFanOutEveryUserGetsExactlyOneReminder() throws Exception {
        List<Long> users = LongStream.range(50_000, 50_000 + USERS).boxed().toList();
        Files.createDirectories(dir.resolve("state"));
        ReminderSeeding.seed(
                new DatabaseSettings("jdbc:sqlite:" + dir.resolve("state/bot.db"), null, null),
                users,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (FakeBotApi telegram = FakeBotApi.start(TelegramHarness.TOKEN).limits(1000, 25, 20)) {
            Map<String, String> env =
                    Map.of(
                            "TELEGRAM_BOT_TOKEN",
                            TelegramHarness.TOKEN,
                            "TELEGRAM_API_URL",
                            "http://127.0.0.1:" + telegram.port(),
                            "TELEGRAM_SEND_RATE",
                            "100",
                            "DATABASE_URL",
                            "jdbc:sqlite:state/bot.db");
            try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> telegram.calls("sendMessage").size() >= USERS / 4);
                // Hold Telegram's answers, then wait until nothing new arrives: every reminder
                // claimed by now
                // has reached Telegram, and its sender waits for the answer when the process dies.
                telegram.slowdown(Duration.ofSeconds(15));
                AtomicInteger seen = new AtomicInteger(-1);
                await().atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(700))
                        .until(
                                () ->
                                        seen.getAndSet(telegram.calls("sendMessage").size())
                                                == seen.get());
                bot.kill();
            }
            int beforeRestart = telegram.calls("sendMessage").size();
            assertThat(beforeRestart).as("killed in the middle").isBetween(USERS / 4, USERS - 1);
            telegram.slowdown(Duration.ZERO);

            try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
                // The dead process's running tasks are taken over after missed heartbeats (about 20
                // s).
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> perChat(telegram).size() == USERS);
                await().during(Duration.ofSeconds(3))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> telegram.calls("sendMessage").size() == USERS);
                bot.kill();
            }
            assertThat(perChat(telegram))
                    .as("one reminder per user")
                    .allSatisfy((chat, count) -> assertThat(count).isOne());
            assertThat(telegram.violations())
                    .allSatisfy(v -> assertThat(v).containsIgnoringCase("getUpdates"));
        }
    }

    private static Map<String, Long> perChat(FakeBotApi telegram) {
        return telegram.calls("sendMessage").stream()
                .collect(Collectors.groupingBy(c -> c.param("chat_id"), Collectors.counting()));
    }
}
