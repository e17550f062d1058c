package dev.backcoach.storage.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.service.TurnRecord;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The weekly summary rides on the reminder's task: it comes with the reminder of the user's summary
 * day, once a week, through restarts and crashes, and only where a reminder would go. The clock
 * starts on Friday 27 March 2026; Berlin moves to summer time on Sunday 29th.
 */
abstract class WeeklySummaryContract extends TimekeeperContract {
    static final int MONDAY_AND_WEDNESDAY =
            NudgePlan.bit(DayOfWeek.MONDAY) | NudgePlan.bit(DayOfWeek.WEDNESDAY);

    private List<String> summaries() {
        return sent.stream()
                .flatMap(List::stream)
                .map(Reply::text)
                .filter(text -> text.startsWith("Your week"))
                .toList();
    }

    @Test
    void withoutSundayItComesOnTheFirstReminderDayOfEachWeekThroughARestart() {
        remindAnna(NudgePlan.of(LocalTime.of(20, 0), BERLIN, MONDAY_AND_WEDNESDAY));
        at("2026-03-29T18:00:00Z"); // Sunday: not a reminder day
        assertThat(sent).isEmpty();
        at("2026-03-30T18:00:00Z"); // Monday, summer time
        assertThat(sent).hasSize(2);
        assertThat(summaries())
                .singleElement()
                .satisfies(
                        text -> assertThat(text).contains("Your week, Tue 24 Mar to Mon 30 Mar"));

        restart(); // midweek
        at("2026-04-01T18:00:00Z"); // Wednesday: the reminder only
        assertThat(sent).hasSize(3);
        at("2026-04-06T18:00:00Z"); // the next Monday
        assertThat(sent).hasSize(5);
        assertThat(summaries()).hasSize(2);
        assertThat(log())
                .filteredOn(row -> "weekly".equals(row.get("kind")))
                .extracting(row -> row.get("local_date") + " " + row.get("status"))
                .containsExactlyInAnyOrder("2026-03-30 sent", "2026-04-06 sent");
    }

    @Test
    void onSundayItFollowsTheReminderAndACrashedRunDoesNotSendItTwice() {
        remindAnna(NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY));
        Instant sunday = Instant.parse("2026-03-29T18:00:00Z");
        clock.set(sunday.plusSeconds(30));
        ReminderRun run = reminderRun();
        run.remind(ANNA, ANNAS_CHAT, sunday, false);
        run.remind(ANNA, ANNAS_CHAT, sunday, false); // revived after a crash
        assertThat(sent).hasSize(2);
        assertThat(summaries()).hasSize(1);
        assertThat(timekeeper.counters().alreadyClaimed()).isEqualTo(2);
        // The reminder days are what the chart marks.
        assertThat(store.progressLog(ANNA, LocalDate.of(2026, 3, 1)).reminderDays())
                .containsExactly(LocalDate.of(2026, 3, 29));
    }

    @Test
    void noSummaryForARedFlagRouteOrAnUnreachableOrForgottenUser() {
        NudgePlan everyDay = NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY);
        remindAnna(everyDay);
        Session stored = store.load(ANNA).orElseThrow();
        Session clinician =
                stored.withRoute(Route.SEE_CLINICIAN, LocalDate.of(2026, 3, 28)).withVersion(2);
        store.commit(new TurnRecord(clinician, 1, "", List.of(), List.of()));
        at("2026-03-29T18:00:00Z");
        assertThat(sent).isEmpty();

        Session unreachable = clinician.withRoute(Route.SELF_CARE, null).withUnreachable(true);
        store.commit(new TurnRecord(unreachable.withVersion(3), 2, "", List.of(), List.of()));
        at("2026-04-05T18:00:00Z");
        assertThat(sent).isEmpty();

        store.forget(ANNA);
        at("2026-04-12T18:00:00Z");
        assertThat(sent).isEmpty();
        assertThat(log()).isEmpty();
    }

    @Test
    void noSummaryWhilePaused() {
        remindAnna(
                NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.EVERY_DAY)
                        .withPausedUntil(LocalDate.of(2026, 4, 1)));
        at("2026-03-29T18:00:00Z");
        assertThat(sent).isEmpty();
        at("2026-04-05T18:00:00Z");
        assertThat(summaries()).hasSize(1);
    }
}
