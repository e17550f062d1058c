package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Technique;
import dev.backcoach.telegram.fake.FakeBotApi;
import dev.backcoach.telegram.fake.SentMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as Docker or systemd stop a service, in the middle of a conversation: the turn in flight
 * is kept and its reply delivered, the process exits 0, and the next start continues at the right
 * step with no turn run twice.
 */
class GracefulShutdownProcessTest {
    static final Duration EXIT = Duration.ofSeconds(40);

    @TempDir Path dir;

    @Test
    void sigtermWhileAReplyIsOnItsWayExitsZeroWithTheTurnKeptAndDelivered() throws Exception {
        Technique roller = TelegramHarness.CATALOG.technique("foam_roller").orElseThrow();
        List<String> steps = roller.steps().stream().map(s -> s.text()).toList();
        try (FakeBotApi telegram = FakeBotApi.start(TelegramHarness.TOKEN).limits(30, 25, 20)) {
            Map<String, String> env =
                    Map.of(
                            "TELEGRAM_BOT_TOKEN", TelegramHarness.TOKEN,
                            "TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.port(),
                            "TELEGRAM_CHAT_RATE", "20",
                            "DATABASE_URL", "jdbc:sqlite:state/bot.db",
                            "LOG_LEVEL", "info");
            TelegramUser anna = new TelegramUser(telegram, 4321);
            SentMessage stepOne;
            try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
                TelegramHarness.toSelfCare(anna);
                anna.press(roller.title(), roller.cautions().get(0));
                stepOne = anna.press("Next", steps.get(0));

                telegram.slowdown(
                        Duration.ofSeconds(2)); // Telegram answers slowly: replies stay in flight
                anna.tap("Next");
                telegram.awaitCall(
                        "editMessageText",
                        c -> c.param("text").contains(steps.get(1)),
                        TelegramUser.WAIT);
                bot.terminate(); // the turn is committed, its reply on its way

                assertThat(bot.awaitExit(EXIT)).as("exit code after SIGTERM").isZero();
                assertThat(bot.stderr())
                        .contains("stopping: no new updates")
                        .contains("stopped")
                        .doesNotContain("not sent", "still running", TelegramHarness.TOKEN);
            }
            telegram.slowdown(Duration.ZERO);
            assertThat(anna.last().plainText())
                    .as("the reply in flight was delivered")
                    .contains(steps.get(1));
            assertThat(anna.last().messageId()).isEqualTo(stepOne.messageId());
            assertThat(telegram.unansweredCallbacks())
                    .as("every press answered before exit")
                    .isEmpty();
            long editsBefore = telegram.calls("editMessageText").size();

            try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
                telegram.awaitCall("getUpdates", c -> true, TelegramUser.WAIT);
                anna.press("Next", steps.get(2));
                // The last batch was handled but not yet confirmed to Telegram when polling
                // stopped, so it may
                // come again: then its stored reply (step 2) is shown again; the turn never runs
                // twice.
                List<String> edits =
                        telegram.calls("editMessageText").stream()
                                .skip(editsBefore)
                                .map(c -> c.param("text"))
                                .toList();
                assertThat(edits).filteredOn(t -> t.contains(steps.get(2))).hasSize(1);
                assertThat(edits)
                        .allSatisfy(
                                t ->
                                        assertThat(t)
                                                .satisfiesAnyOf(
                                                        x -> assertThat(x).contains(steps.get(2)),
                                                        x -> assertThat(x).contains(steps.get(1))));
                bot.terminate();
                assertThat(bot.awaitExit(EXIT)).isZero();
            }
            // A long poll still open when the first process exited meets the new one's (409), as on
            // Telegram.
            assertThat(telegram.violations())
                    .allSatisfy(v -> assertThat(v).containsIgnoringCase("getUpdates"));
        }
    }

    @Test
    void whenTelegramStopsAnsweringTheStopIsBoundedAndSaysWhatWasNotSent() throws Exception {
        try (FakeBotApi telegram = FakeBotApi.start(TelegramHarness.TOKEN).limits(30, 25, 20)) {
            TelegramUser anna = new TelegramUser(telegram, 4322);
            try (ConsoleProcess bot =
                    ConsoleProcess.start(
                            dir,
                            Map.of(
                                    "TELEGRAM_BOT_TOKEN", TelegramHarness.TOKEN,
                                    "TELEGRAM_API_URL", "http://127.0.0.1:" + telegram.port(),
                                    "TELEGRAM_CHAT_RATE", "20",
                                    "DATABASE_URL", "jdbc:sqlite:state/bot.db",
                                    "SHUTDOWN_TIMEOUT_SECONDS", "1",
                                    "LOG_LEVEL", "info"))) {
                anna.send("/start", TelegramHarness.CATALOG.text("start.ask_adult"));
                telegram.slowdown(Duration.ofMinutes(2)); // far beyond any stop grace period
                anna.tap("Yes");
                telegram.awaitCall(
                        "answerCallbackQuery",
                        c -> true,
                        TelegramUser.WAIT); // the turn's first call
                bot.terminate();
                assertThat(bot.awaitExit(Duration.ofSeconds(30))).isZero();
                assertThat(bot.stderr())
                        .contains("still being handled after PT1S")
                        .contains("still queued after PT1S")
                        .contains("stopped");
            }
        }
    }

    @Test
    void theTerminalChatStopsOnSigtermWithExitZero() throws Exception {
        try (ConsoleProcess bot =
                ConsoleProcess.start(
                        dir,
                        Map.of("DATABASE_URL", "jdbc:sqlite:state/bot.db", "LOG_LEVEL", "info"))) {
            bot.awaitLine("[1] Yes", TelegramUser.WAIT);
            bot.terminate();
            assertThat(bot.awaitExit(EXIT)).isZero();
            assertThat(bot.stderr()).contains("stopped");
        }
    }
}
