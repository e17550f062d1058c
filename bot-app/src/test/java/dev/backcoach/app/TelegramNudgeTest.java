package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.TestClock;
import dev.backcoach.telegram.fake.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Telegram user opts in to the evening reminder and gets it at the local time they chose, through
 * the real application, the real scheduler and the real telegrambots client. The clock runs in real
 * time from Friday 27 March 2026, 17:00 UTC, and jumps ahead to the evening.
 */
class TelegramNudgeTest {
    final TestClock clock = TestClock.running(Instant.parse("2026-03-27T17:00:00Z"));
    @RegisterExtension final TelegramHarness bot = new TelegramHarness().clock(clock);

    @Test
    void aBareHourIsAskedAboutAndAnAlreadyChosenOptionIsAnsweredWithoutAnEdit() {
        TelegramUser ben = TelegramHarness.toSelfCare(new TelegramUser(bot.telegram(), 1003));
        ben.send("/nudge", "What time suits you?");
        ben.send("3", "Did you mean 3 pm or 3 am?");
        ben.press("3 pm", "in which time zone?");
        ben.send("Berlin", "On which days?");
        int edits = bot.telegram().calls("editMessageText").size();
        ben.tap("Every day");
        bot.telegram()
                .awaitCall(
                        "answerCallbackQuery",
                        c ->
                                "Every day is already chosen. Choose Done when you're ready."
                                        .equals(c.param("text")),
                        TelegramUser.WAIT);
        assertThat(bot.telegram().calls("editMessageText"))
                .as("no edit with identical content")
                .hasSize(edits);
        ben.press("Done", "I'll remind you at 15:00 (Europe/Berlin), Every day");
    }

    @Test
    void optInThenTheReminderArrivesAtEightPmBerlinTimeOnceAndCanBeSnoozed() {
        TelegramUser anna = TelegramHarness.toSelfCare(new TelegramUser(bot.telegram(), 1001));
        anna.send("/nudge", "What time suits you?");
        anna.press("20:00", "in which time zone?");
        anna.send("Berlin", "On which days?");
        SentMessage saved =
                anna.press("Done", "I'll remind you at 20:00 (Europe/Berlin), Every day");
        assertThat(saved.plainText()).contains("Fri 27 Mar 20:00");
        int before = bot.telegram().chat(1001).size();

        clock.set(Instant.parse("2026-03-27T18:59:58Z")); // 19:59:58 in Berlin
        SentMessage reminder = anna.awaitLast(m -> m.buttonLabels().contains("In 1 hour"));
        assertThat(clock.instant())
                .as("not before 20:00 Berlin")
                .isAfterOrEqualTo(Instant.parse("2026-03-27T19:00:00Z"));
        assertThat(TelegramHarness.CATALOG.nudges()).contains(reminder.plainText());
        assertThat(reminder.parseMode()).isEqualTo("HTML");

        anna.press("In 1 hour", "Okay, I'll ask again at 21:");
        clock.set(Instant.parse("2026-03-27T20:00:30Z"));
        SentMessage again =
                anna.awaitLast(
                        m ->
                                m.hasKeyboard()
                                        && TelegramHarness.CATALOG
                                                .nudges()
                                                .contains(m.plainText()));
        assertThat(again.buttonLabels()).as("snoozed once only").doesNotContain("In 1 hour");

        // A quiet moment later, nothing more went out: one reminder and one snoozed reminder.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                reminders(
                                                bot.telegram()
                                                        .chat(1001)
                                                        .subList(
                                                                before,
                                                                bot.telegram().chat(1001).size()))
                                        == 2);
        assertThat(bot.app().reminderCounters().sent()).isEqualTo(2);
    }

    @Test
    void aMorningReminderGreetsTheMorningStartsTheMorningRoutineAndAPauseNamesTheNextChosenDay() {
        var catalog = TelegramPollingTest.CATALOG;
        TelegramUser cleo = TelegramHarness.toSelfCare(new TelegramUser(bot.telegram(), 1004));
        cleo.send("/nudge", "What time suits you?");
        cleo.send("07:30", "in which time zone?");
        cleo.send("Berlin", "On which days?");
        cleo.press("Weekends", "Chosen: Weekends");
        cleo.press("Done", "I'll remind you at 07:30 (Europe/Berlin), Weekends");

        clock.set(Instant.parse("2026-03-28T06:29:58Z")); // Saturday, 07:29:58 in Berlin
        SentMessage reminder = cleo.awaitLast(m -> m.buttonLabels().contains("In 1 hour"));
        assertThat(reminder.plainText()).isEqualTo(catalog.text("nudge.greeting_morning"));
        cleo.press("Start the routine", catalog.routine("morning").orElseThrow().intro());
        cleo.send("/nudge pause", "The next one comes Sat 4 Apr 07:30");
    }

    private static long reminders(List<SentMessage> messages) {
        return messages.stream()
                .filter(m -> TelegramHarness.CATALOG.nudges().contains(m.plainText()))
                .count();
    }
}
