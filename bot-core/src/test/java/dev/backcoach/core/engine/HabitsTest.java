package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Habits, played turn by turn: sessions counted per day, gentle milestones once each, and the
 * streak in the evening reminder. The clock starts on Monday 2 March 2026, 18:00 UTC.
 */
class HabitsTest {

    /** The morning routine to its last step, then "how stiff now?" skipped. */
    static Chat practise(Chat chat) {
        chat.send("/routine morning");
        if (chat.session().dialogue() instanceof Dialogue.SymptomCheckIn) {
            chat.press(chat.catalogText("button.no")); // a week away: "any new symptoms?"
        }
        while (chat.session().dialogue() instanceof Dialogue.Guiding) {
            chat.press("Next");
        }
        return chat;
    }

    @Test
    void theFirstSessionGetsAWordAndTheSecondDoesNot() {
        Chat chat = practise(new Chat().selfCare(false));
        assertThat(chat.text())
                .contains(chat.catalogText("habits.first"), chat.catalogText("progress.ask"));
        assertThat(chat.effects(Effect.RecordSession.class))
                .singleElement()
                .satisfies(e -> assertThat(e.day()).isEqualTo(LocalDate.of(2026, 3, 2)));
        chat.press(chat.catalogText("button.menu"));
        practise(chat);
        assertThat(chat.text()).doesNotContain(chat.catalogText("habits.first"));
        assertThat(chat.effects(Effect.RecordSession.class)).hasSize(2);
    }

    @Test
    void threeInAWeekAndSixInTwoWeeksAreSaidOnceEach() {
        Chat chat = new Chat().selfCare(false);
        String week = chat.catalogText("habits.week");
        String twoWeeks = chat.catalogText("habits.two_weeks");
        int weekSaid = 0;
        int twoWeeksSaid = 0;
        // Every other day for two weeks: sessions 1..7; the 3rd is on day 5, the 6th on day 11.
        for (int day = 0; day < 14; day += 2) {
            practise(chat);
            weekSaid += chat.text().contains(week) ? 1 : 0;
            twoWeeksSaid += chat.text().contains(twoWeeks) ? 1 : 0;
            if (chat.text().contains(week)) {
                assertThat(day).as("the third session of the week").isEqualTo(4);
            }
            if (chat.text().contains(twoWeeks)) {
                assertThat(day).as("the sixth session in two weeks").isEqualTo(10);
            }
            chat.later(Duration.ofDays(2));
        }
        assertThat(weekSaid).isEqualTo(1);
        assertThat(twoWeeksSaid).isEqualTo(1);
    }

    @Test
    void theReminderMentionsAStreakAndSaysNothingOfAMissedDay() {
        Chat chat = new Chat().selfCare(false).send("/nudge 20:00 UTC");
        practise(chat).later(Duration.ofDays(1));
        practise(chat).later(Duration.ofDays(1));
        practise(chat).at(java.time.Instant.parse("2026-03-04T20:00:00Z"));
        chat.nudge();
        assertThat(chat.text()).contains("You've practised 3 days in a row.");
        // A day without practice: the next reminder mentions no streak, and nothing of the gap.
        chat.at(java.time.Instant.parse("2026-03-06T20:00:00Z")).nudge();
        assertThat(chat.text()).doesNotContain("in a row").doesNotContain("missed");
    }

    @Test
    void forgettingClearsTheHabits() {
        Chat chat = practise(new Chat().selfCare(false));
        assertThat(chat.session().habits()).isNotZero();
        chat.send("/forget").press("Yes");
        assertThat(chat.store.load(chat.user())).isEmpty();
        assertThat(chat.store.progressLog(chat.user(), LocalDate.MIN).sessions()).isEmpty();
    }
}
