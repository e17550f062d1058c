package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Reply;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * The small things around reminders and timers that make a user trust them. Clock: Mon 2 Mar 2026,
 * 18:00 UTC.
 */
class ReminderDetailsTest {

    @Test
    void aBareHourOutsideTheEveningIsAskedAboutNotGuessed() {
        Chat chat = new Chat().selfCare(true).send("/nudge").send("3");
        assertThat(chat.text()).contains("Did you mean 3 pm or 3 am?");
        assertThat(chat.session().nudge()).isNull();
        chat.press("3 pm");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.NudgeZone.class);
        assertThat(((Dialogue.NudgeZone) chat.session().dialogue()).time())
                .isEqualTo(LocalTime.of(15, 0));

        Chat typed = new Chat().selfCare(true).send("/nudge").send("9:30").send("am");
        assertThat(((Dialogue.NudgeZone) typed.session().dialogue()).time())
                .isEqualTo(LocalTime.of(9, 30));

        Chat evening = new Chat().selfCare(true).send("/nudge").send("8:30 pm");
        assertThat(((Dialogue.NudgeZone) evening.session().dialogue()).time())
                .isEqualTo(LocalTime.of(20, 30));
        Chat twentyOne = new Chat().selfCare(true).send("/nudge 21");
        assertThat(((Dialogue.NudgeZone) twentyOne.session().dialogue()).time())
                .isEqualTo(LocalTime.of(21, 0));
    }

    @Test
    void theGreetingAndTheRoutineMatchTheReminderHour() {
        Chat morning = new Chat().selfCare(true).send("/nudge 07:30 Europe/London");
        morning.at(Instant.parse("2026-03-03T07:30:00Z")).nudge();
        assertThat(morning.text()).isEqualTo(morning.catalogText("nudge.greeting_morning"));
        morning.press("Start the routine");
        assertThat(morning.text()).contains(Chat.CATALOG.routine("morning").orElseThrow().intro());

        Chat evening = new Chat().selfCare(true).send("/nudge 20:00 Europe/London");
        evening.at(Instant.parse("2026-03-02T20:00:00Z")).nudge();
        assertThat(Chat.CATALOG.nudges()).contains(evening.text());
    }

    @Test
    void pausingNamesTheNextChosenDayTheReminderComesBack() {
        // Weekends only: a week from Monday is a Monday, so the next reminder is Saturday 14 March.
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("/nudge")
                        .press("20:00")
                        .send("Europe/London")
                        .press("Weekends")
                        .press("Done");
        chat.send("/nudge pause");
        assertThat(chat.text()).contains("Sat 14 Mar 20:00").doesNotContain("Mon 9 Mar");
    }

    @Test
    void pressingWhatIsAlreadyChosenAnswersWithANoteAndChangesNothing() {
        Chat chat = new Chat().selfCare(true).send("/nudge").press("20:00").send("Europe/London");
        var before = chat.session();
        String done = chat.button("Done").data(); // the day picker stays on screen with its buttons
        chat.press("Every day");
        assertThat(chat.replies())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.pressNote()).isTrue();
                            assertThat(r.replacePrevious()).isFalse();
                            assertThat(r.text())
                                    .isEqualTo(
                                            "Every day is already chosen. Choose Done when you're ready.");
                        });
        assertThat(chat.session().dialogue()).isEqualTo(before.dialogue());
        assertThat(chat.session().promptSeq()).isEqualTo(before.promptSeq());
        chat.pressData(done);
        assertThat(chat.session().nudge()).isNotNull();
    }

    @Test
    void repeatSendsTheStepAgainInsteadOfAnIdenticalEdit() {
        Chat chat =
                new Chat().selfCare(true).send("/techniques foam roller").press("Next").press("↻");
        assertThat(chat.replies()).extracting(Reply::replacePrevious).containsOnly(false);
        assertThat(chat.text())
                .contains(
                        Chat.CATALOG.technique("foam_roller").orElseThrow().steps().get(0).text());
    }

    @Test
    void aStepTimerAlwaysSaysTimeIsUpEvenAfterTheUserMovedOn() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("/techniques foam roller")
                        .press("Next")
                        .press("Next")
                        .press("⏱");
        int token = chat.effects(Effect.StartTimer.class).get(0).token();
        chat.send("/techniques cat cow").press("Next");
        var before = chat.session();
        chat.fireTimer(token);
        assertThat(chat.text()).isEqualTo(chat.catalogText("timer.done_elsewhere"));
        assertThat(chat.session().dialogue()).isEqualTo(before.dialogue());

        Chat idle =
                new Chat()
                        .selfCare(true)
                        .send("/techniques foam roller")
                        .press("Next")
                        .press("Next")
                        .press("⏱");
        idle.send("/menu").fireTimer(idle.effects(Effect.StartTimer.class).get(0).token());
        assertThat(idle.text()).isEqualTo(idle.catalogText("timer.done_elsewhere"));
    }
}
