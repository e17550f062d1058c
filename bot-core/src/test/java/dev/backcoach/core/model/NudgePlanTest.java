package dev.backcoach.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * When the next reminder is due: local time in the user's zone, through daylight-saving changes.
 */
class NudgePlanTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static NudgePlan daily(int hour, int minute, ZoneId zone) {
        return NudgePlan.of(LocalTime.of(hour, minute), zone, NudgePlan.EVERY_DAY);
    }

    @Test
    void berlinKeepsEightPmLocalWhenTheClocksGoForward() {
        NudgePlan plan = daily(20, 0, BERLIN);
        Instant saturday = plan.nextDue(Instant.parse("2026-03-28T12:00:00Z"));
        assertThat(saturday).isEqualTo("2026-03-28T19:00:00Z"); // CET, UTC+1
        Instant sunday = plan.nextDue(saturday);
        assertThat(sunday).isEqualTo("2026-03-29T18:00:00Z"); // CEST from that night on, UTC+2
        assertThat(plan.localDate(sunday)).isEqualTo(LocalDate.of(2026, 3, 29));
    }

    @Test
    void berlinKeepsEightPmLocalWhenTheClocksGoBack() {
        NudgePlan plan = daily(20, 0, BERLIN);
        Instant saturday = plan.nextDue(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(saturday).isEqualTo("2026-10-24T18:00:00Z");
        assertThat(plan.nextDue(saturday)).isEqualTo("2026-10-25T19:00:00Z");
    }

    @Test
    void aTimeTheClocksSkipComesAfterTheJumpAndARepeatedTimeComesOnce() {
        NudgePlan skipped = daily(2, 30, BERLIN); // 02:30 does not exist on 29 March in Berlin
        assertThat(skipped.nextDue(Instant.parse("2026-03-28T12:00:00Z")))
                .isEqualTo("2026-03-29T01:30:00Z");
        NudgePlan twice = daily(2, 30, BERLIN); // 02:30 happens twice on 25 October
        Instant first = twice.nextDue(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(first).isEqualTo("2026-10-25T00:30:00Z");
        assertThat(twice.nextDue(first))
                .as("not again an hour later")
                .isEqualTo("2026-10-26T01:30:00Z");
    }

    @Test
    void newYorkAcrossBothChanges() {
        NudgePlan plan = daily(21, 0, NEW_YORK);
        Instant beforeSpring = plan.nextDue(Instant.parse("2026-03-07T12:00:00Z"));
        assertThat(beforeSpring)
                .isEqualTo("2026-03-08T02:00:00Z"); // EST, UTC-5: still 7 March locally
        assertThat(plan.localDate(beforeSpring)).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(plan.nextDue(beforeSpring)).isEqualTo("2026-03-09T01:00:00Z"); // EDT, UTC-4
        Instant beforeFall = plan.nextDue(Instant.parse("2026-10-31T12:00:00Z"));
        assertThat(beforeFall).isEqualTo("2026-11-01T01:00:00Z");
        assertThat(plan.nextDue(beforeFall)).isEqualTo("2026-11-02T02:00:00Z");
    }

    @Test
    void aHalfHourZone() {
        NudgePlan plan = daily(20, 30, ZoneId.of("Asia/Kolkata"));
        assertThat(plan.nextDue(Instant.parse("2026-06-01T00:00:00Z")))
                .isEqualTo("2026-06-01T15:00:00Z");
    }

    @Test
    void aReminderJustAfterMidnightBelongsToTheNewLocalDay() {
        NudgePlan plan = daily(0, 15, ZoneId.of("Asia/Tokyo"));
        Instant justBeforeMidnight =
                Instant.parse("2026-03-02T14:59:00Z"); // 23:59 on 2 March in Tokyo
        Instant due = plan.nextDue(justBeforeMidnight);
        assertThat(due).isEqualTo("2026-03-02T15:15:00Z");
        assertThat(plan.localDate(due)).isEqualTo(LocalDate.of(2026, 3, 3));
        NudgePlan late = daily(23, 45, ZoneId.of("America/Los_Angeles"));
        Instant lateDue =
                late.nextDue(Instant.parse("2026-03-03T07:00:00Z")); // 23:00 on 2 March there
        assertThat(lateDue).isEqualTo("2026-03-03T07:45:00Z");
        assertThat(late.localDate(lateDue))
                .as("the UTC date is already the 3rd")
                .isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void onlyChosenDaysAndNotWhilePaused() {
        NudgePlan weekdays = NudgePlan.of(LocalTime.of(20, 0), BERLIN, NudgePlan.WEEKDAYS);
        Instant fridayNight = Instant.parse("2026-03-06T20:00:00Z"); // after Friday's 20:00
        assertThat(weekdays.nextDue(fridayNight)).isEqualTo("2026-03-09T19:00:00Z"); // Monday
        NudgePlan paused = daily(20, 0, BERLIN).withPausedUntil(LocalDate.of(2026, 3, 12));
        assertThat(paused.nextDue(Instant.parse("2026-03-05T12:00:00Z")))
                .isEqualTo("2026-03-12T19:00:00Z");
    }

    @Test
    void ignoredCountsOnlyRemindersWithoutAnyReaction() {
        NudgePlan plan = daily(20, 0, BERLIN).sent().sent().sent();
        assertThat(plan.ignored()).isEqualTo(2);
        assertThat(plan.sent().ignored()).isEqualTo(3);
        assertThat(plan.answered().ignored()).isZero();
        assertThat(plan.answered().sent().ignored()).isZero();
    }
}
