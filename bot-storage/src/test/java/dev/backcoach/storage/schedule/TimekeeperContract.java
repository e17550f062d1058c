package dev.backcoach.storage.schedule;

import static dev.backcoach.storage.NudgeLog.Status.CLAIMED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.TurnRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reminders and step timers on db-scheduler's manual scheduler and a settable clock: what is sent,
 * when, and how often, on a real database. Subclasses pick the database.
 */
abstract class TimekeeperContract extends TimekeeperFixture {

    @Test
    void theReminderComesAtTheLocalTimeEveryDayAcrossTheClockChange() {
        remindAnna(NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY));
        assertThat(nextReminder()).contains(Instant.parse("2026-03-27T19:00:00Z"));
        at("2026-03-27T18:59:59Z");
        assertThat(sent).isEmpty();
        at("2026-03-27T19:00:00Z");
        assertThat(sent).hasSize(1);
        assertThat(nextReminder()).contains(Instant.parse("2026-03-28T19:00:00Z"));
        at("2026-03-28T19:00:00Z");
        assertThat(nextReminder())
                .as("summer time: 20:00 is 18:00 UTC")
                .contains(Instant.parse("2026-03-29T18:00:00Z"));
        at("2026-03-29T18:00:00Z");
        assertThat(sent).as("Sunday's reminder brings the weekly summary").hasSize(4);
        assertThat(log())
                .filteredOn(row -> "evening".equals(row.get("kind")))
                .extracting(row -> row.get("local_date") + " " + row.get("status"))
                .containsExactlyInAnyOrder("2026-03-27 sent", "2026-03-28 sent", "2026-03-29 sent");
        assertThat(timekeeper.counters().sent()).isEqualTo(4);
    }

    @Test
    void runAgainAfterACrashTheReminderIsNotSentTwice() {
        remindAnna(NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY));
        Instant due = Instant.parse("2026-03-27T19:00:00Z");
        clock.set(due.plusSeconds(30));
        ReminderRun run = reminderRun();
        run.remind(ANNA, ANNAS_CHAT, due, false);
        run.remind(
                ANNA,
                ANNAS_CHAT,
                due,
                false); // the scheduler revived the execution of a crashed instance
        assertThat(sent).hasSize(1);
        assertThat(timekeeper.counters().alreadyClaimed()).isEqualTo(1);
    }

    @Test
    void aClaimACrashLeftBeforeTheHandOverIsSentOnceByTheRevivedTask() {
        remindAnna(NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY));
        Instant due = Instant.parse("2026-03-27T19:00:00Z");
        clock.set(due); // a process claims the reminder and dies before handing it over
        store.nudgeLog().claim(ANNA, due.atZone(BERLIN).toLocalDate(), "evening", due, CLAIMED);
        clock.set(due.plusSeconds(5));
        new ReminderRun(service, store.nudgeLog(), p -> channel, clock, timekeeper.counters())
                .remind(ANNA, ANNAS_CHAT, due, false);
        assertThat(sent).as("a claim this fresh is being sent by its own run").isEmpty();
        at("2026-03-27T19:00:25Z"); // the scheduler revives a dead process's task after 20 s
        assertThat(sent).as("sent by the run that took the claim over").hasSize(1);
        new ReminderRun(service, store.nudgeLog(), p -> channel, clock, timekeeper.counters())
                .remind(ANNA, ANNAS_CHAT, due, false); // and again: now it is sent
        assertThat(sent).hasSize(1);
        assertThat(log()).extracting(row -> row.get("status")).containsExactly("sent");
        assertThat(nextReminder()).contains(Instant.parse("2026-03-28T19:00:00Z"));
    }

    @Test
    void aReminderLessThanTwoHoursLateStillGoesOutALaterOneIsSkippedAndLogged() {
        remindAnna(NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY));
        at("2026-03-27T20:59:00Z"); // the bot was down for two hours minus a minute
        assertThat(sent).hasSize(1);
        at("2026-03-28T21:01:00Z"); // down for two hours and a minute this time
        assertThat(sent).hasSize(1);
        assertThat(timekeeper.counters().late()).isEqualTo(1);
        assertThat(log())
                .extracting(row -> row.get("local_date") + " " + row.get("status"))
                .containsExactlyInAnyOrder("2026-03-27 sent", "2026-03-28 late");
        assertThat(nextReminder()).contains(Instant.parse("2026-03-29T18:00:00Z"));
    }

    @Test
    void afterAnOutageOfDaysOnlyTheNextReminderStillWorthSendingIsKept() {
        remindAnna(NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY));
        at("2026-03-31T19:00:00Z"); // four days later, an hour after Tuesday's 20:00 (summer time)
        assertThat(sent).as("Tuesday's, one hour late").hasSize(1);
        assertThat(nextReminder()).contains(Instant.parse("2026-04-01T18:00:00Z"));
    }

    @Test
    void snoozeSendsItOnceMoreAnHourLater() {
        remindAnna(NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY));
        at("2026-03-27T19:00:00Z");
        scheduling.apply(
                new Effect.SnoozeNudge(ANNA, ANNAS_CHAT, Instant.parse("2026-03-27T20:00:10Z")));
        at("2026-03-27T20:00:10Z");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).get(0).allButtons()).noneMatch(b -> b.data().contains("snooze"));
        assertThat(log())
                .extracting(row -> row.get("kind") + " " + row.get("status"))
                .containsExactlyInAnyOrder("evening sent", "snooze sent");
    }

    @Test
    void stoppingRemovesTheTaskAndThePendingSnooze() {
        remindAnna(NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY));
        scheduling.apply(
                new Effect.SnoozeNudge(ANNA, ANNAS_CHAT, Instant.parse("2026-03-27T13:00:00Z")));
        scheduling.apply(new Effect.ScheduleNudge(ANNA, ANNAS_CHAT, null));
        assertThat(nextReminder()).isEmpty();
        at("2026-03-28T12:00:00Z");
        assertThat(sent).isEmpty();
    }

    @Test
    void afterForgetNoReminderAndNoTaskIsLeft() {
        remindAnna(NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY));
        scheduling.apply(
                new Effect.SnoozeNudge(ANNA, ANNAS_CHAT, Instant.parse("2026-03-27T13:00:00Z")));
        store.forget(ANNA);
        assertThat(nextReminder()).isEmpty();
        assertThat(scheduler.getScheduledExecutionsForTask(Timekeeper.SNOOZE)).isEmpty();
        at("2026-03-28T20:00:00Z");
        assertThat(sent).isEmpty();
    }

    @Test
    void aReminderThatFindsThePlanGoneStops() {
        remindAnna(NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY));
        Session off = store.load(ANNA).orElseThrow().withNudge(null);
        store.commit(new TurnRecord(off.withVersion(2), 1, "", List.of(), List.of()));
        at("2026-03-27T19:00:00Z");
        assertThat(sent).isEmpty();
        assertThat(nextReminder()).isEmpty();
        assertThat(timekeeper.counters().skipped()).isEqualTo(1);
    }

    @Test
    void aStepTimerFiresOnceAfterItsDelay() {
        var foamRoller =
                new dev.backcoach.core.model.Guide(
                        dev.backcoach.core.model.Guide.Kind.TECHNIQUE,
                        "foam_roller",
                        2,
                        7); // on step 2, a timed one
        Session guiding =
                Session.fresh(ANNA)
                        .withOnboarding(true, true)
                        .withRoute(Route.SELF_CARE, LocalDate.of(2026, 3, 27))
                        .withDialogue(new dev.backcoach.core.model.Dialogue.Guiding(foamRoller))
                        .withVersion(1);
        store.commit(new TurnRecord(guiding, 0, "", List.of(), List.of()));
        scheduling.apply(new Effect.StartTimer(ANNA, ANNAS_CHAT, 7, Duration.ofSeconds(45)));
        scheduling.apply(
                new Effect.StartTimer(
                        ANNA, ANNAS_CHAT, 7, Duration.ofSeconds(45))); // a replayed effect
        at("2026-03-27T12:00:44Z");
        assertThat(scheduler.getScheduledExecutionsForTask(Timekeeper.STEP_TIMER)).hasSize(1);
        at("2026-03-27T12:00:45Z");
        assertThat(scheduler.getScheduledExecutionsForTask(Timekeeper.STEP_TIMER)).isEmpty();
        assertThat(store.repliesOf(ANNA, "timer:7"))
                .as("handled as an event of its own")
                .isPresent();
        assertThat(sent)
                .singleElement()
                .satisfies(replies -> assertThat(replies.get(0).text()).contains("Time's up"));
    }

    @Test
    void aReminderWhoseTaskWasLostIsPutBackAtStart() {
        NudgePlan plan = NudgePlan.of(LocalTime.of(21, 30), BERLIN, NudgePlan.EVERY_DAY);
        storeAnna(plan); // committed, then the process died
        List<UserKey> missing = store.nudgeLog().usersMissingReminderTask();
        assertThat(missing).containsExactly(ANNA);
        assertThat(timekeeper.restoreMissingReminders(missing)).isEqualTo(1);
        assertThat(nextReminder()).contains(Instant.parse("2026-03-27T20:30:00Z"));
        assertThat(store.nudgeLog().usersMissingReminderTask()).isEmpty();
    }
}
