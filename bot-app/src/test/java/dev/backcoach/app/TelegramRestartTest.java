package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Technique;
import dev.backcoach.telegram.fake.FakeBotApi;
import dev.backcoach.telegram.fake.SentMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as its own JVM on Telegram (long polling), killed with SIGKILL in the middle of a
 * technique and started again: Next continues at the right step, with no turn lost or doubled.
 */
class TelegramRestartTest {
    static final Catalog CATALOG = CatalogLoader.load("en");

    @TempDir Path dir;

    @Test
    void afterSigkillTheNextTapContinuesAtTheRightStep() throws Exception {
        Technique roller = CATALOG.technique("foam_roller").orElseThrow();
        List<String> steps = roller.steps().stream().map(s -> s.text()).toList();
        try (FakeBotApi telegram = FakeBotApi.start(TelegramHarness.TOKEN).limits(30, 25, 20)) {
            Map<String, String> env =
                    Map.of(
                            "TELEGRAM_BOT_TOKEN",
                            TelegramHarness.TOKEN,
                            "TELEGRAM_API_URL",
                            "http://127.0.0.1:" + telegram.port(),
                            "TELEGRAM_CHAT_RATE",
                            "20",
                            "DATABASE_URL",
                            "jdbc:sqlite:state/bot.db");
            TelegramUser anna = new TelegramUser(telegram, 1234);
            SentMessage stepTwo;
            try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
                TelegramHarness.toSelfCare(anna);
                anna.press(roller.title(), roller.cautions().get(0));
                anna.press("Next", steps.get(0));
                stepTwo = anna.press("Next", steps.get(1));
                bot.kill();
            }
            int messagesBefore = telegram.chat(1234).size();
            long editsBefore = telegram.calls("editMessageText").size();

            try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
                telegram.awaitCall(
                        "getUpdates", c -> true, TelegramUser.WAIT); // the new process polls
                SentMessage stepThree = anna.press("Next", steps.get(2));
                assertThat(stepThree.messageId()).isEqualTo(stepTwo.messageId());
                assertThat(telegram.chat(1234)).hasSize(messagesBefore);
                // An update the killed process handled but had not yet confirmed comes again: its
                // stored
                // reply (step 2) is replayed, never run a second time; the new tap runs once (step
                // 3).
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
                bot.kill();
            }
            // A poll cut off by SIGKILL meets the restarted one, as on Telegram (409): that one is
            // expected.
            assertThat(telegram.violations())
                    .allSatisfy(v -> assertThat(v).containsIgnoringCase("getUpdates"));
        }
    }
}
