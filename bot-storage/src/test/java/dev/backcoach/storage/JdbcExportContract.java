package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Equipment;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The export and the progress history, as read back from the tables. */
abstract class JdbcExportContract extends JdbcTurnContract {

    @Test
    void theExportSpellsOutThePlanRatingsAndReminderDaysAndTheHistoryComesByDay() {
        Session s =
                onboarded(ANNA)
                        .withEquipment(
                                Equipment.FOAM_ROLLER.bit() | Equipment.FLOOR.bit() | (1 << 30))
                        .withRatings(0x87, (int) TODAY.toEpochDay())
                        .withNudge(
                                dev.backcoach.core.model.NudgePlan.of(
                                        java.time.LocalTime.of(20, 0),
                                        java.time.ZoneId.of("Europe/Berlin"),
                                        dev.backcoach.core.model.NudgePlan.WEEKENDS));
        store.commit(
                turn(
                        s.withVersion(1),
                        0,
                        "r1",
                        new Effect.RecordRating(ANNA, TODAY.minusDays(1), 7)));
        store.commit(turn(s.withVersion(2), 1, "r2", new Effect.RecordRating(ANNA, TODAY, 6)));

        assertThat(rows(store.export(ANNA), "user_session"))
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row)
                                    .containsEntry("plan", List.of("foam roller", "floor"))
                                    .containsEntry("recent_ratings", List.of(7, 6))
                                    .containsEntry("latest_rating_day", "2026-11-20")
                                    .containsEntry("reminder_days", List.of("Saturday", "Sunday"))
                                    .doesNotContainKeys(
                                            "equipment", "ratings", "rating_day", "nudge_days");
                        });
        assertThat(store.ratingHistory(ANNA))
                .containsExactly(Map.entry(TODAY.minusDays(1), 7), Map.entry(TODAY, 6));
    }

    @Test
    void theExportHoldsSessionRatingsAndEventsAsPlainValues() {
        store.commit(
                turn(
                        onboarded(ANNA).withVersion(1),
                        0,
                        "update-1",
                        new Effect.RecordRating(ANNA, TODAY, 6)));
        store.commit(
                turn(
                        onboarded(BORIS).withVersion(1),
                        0,
                        "update-1",
                        new Effect.RecordRating(BORIS, TODAY, 2)));

        Map<String, Object> export = store.export(ANNA);

        assertThat(export)
                .containsOnlyKeys(
                        "processed_event",
                        "progress_rating",
                        "user_session",
                        "scheduled_tasks",
                        "nudge_log",
                        "practice_session",
                        "reminder_day");
        assertThat(rows(export, "user_session"))
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row)
                                    .containsEntry("platform", "TELEGRAM")
                                    .containsEntry("user_id", "1001")
                                    .containsEntry("adult", true)
                                    .containsEntry("route", "SELF_CARE")
                                    .containsEntry("route_date", "2026-11-20")
                                    .containsEntry("dialogue", "idle")
                                    .containsEntry("updated_at", "2026-11-20T18:30:00.000Z");
                            assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);
                        });
        assertThat(rows(export, "progress_rating"))
                .singleElement()
                .satisfies(
                        row ->
                                assertThat(row)
                                        .containsEntry("day", "2026-11-20")
                                        .containsEntry("score", 6));
        assertThat(rows(export, "processed_event"))
                .singleElement()
                .satisfies(
                        row -> {
                            assertThat(row)
                                    .containsEntry("event_id", "update-1")
                                    .containsEntry("created_at", "2026-11-20T18:30:00.000Z");
                            assertThat(row.get("replies"))
                                    .as("JSON, not a string of JSON")
                                    .isInstanceOf(List.class);
                        });
    }

    @Test
    void progressKeepsSessionsPerDayRatingsAndTheDaysAReminderWasSent() {
        java.time.LocalDate yesterday = TODAY.minusDays(1);
        store.commit(
                turn(
                        onboarded(ANNA).withVersion(1),
                        0,
                        "update-1",
                        new Effect.RecordSession(ANNA, yesterday),
                        new Effect.RecordRating(ANNA, yesterday, 6)));
        store.commit(
                turn(
                        onboarded(ANNA).withPromptSeq(1).withVersion(2),
                        1,
                        "update-2",
                        new Effect.RecordSession(ANNA, TODAY),
                        new Effect.RecordSession(ANNA, TODAY),
                        new Effect.RecordRating(ANNA, TODAY, 4)));
        Instant due = Instant.parse("2026-11-20T19:00:00Z");
        NudgeLog log = store.nudgeLog();
        assertThat(log.claim(ANNA, yesterday, "evening", due, NudgeLog.Status.SENT)).isTrue();
        assertThat(log.claim(ANNA, TODAY, "evening", due, NudgeLog.Status.SENT)).isTrue();
        log.mark(ANNA, TODAY, "evening", NudgeLog.Status.FAILED); // never reached Anna
        assertThat(log.claim(ANNA, TODAY, "weekly", due, NudgeLog.Status.SENT)).isTrue();

        var progress = store.progressLog(ANNA, yesterday);
        assertThat(progress.sessions()).containsEntry(yesterday, 1).containsEntry(TODAY, 2);
        assertThat(progress.ratings()).containsEntry(yesterday, 6).containsEntry(TODAY, 4);
        assertThat(progress.reminderDays()).containsExactly(yesterday);
        assertThat(store.progressLog(ANNA, TODAY).ratings()).containsOnlyKeys(TODAY);
        assertThat(store.progressLog(BORIS, yesterday))
                .isEqualTo(dev.backcoach.core.progress.ProgressLog.EMPTY);
        assertThat(rows(store.export(ANNA), "practice_session"))
                .extracting(row -> row.get("day") + " " + row.get("sessions"))
                .containsExactlyInAnyOrder(yesterday + " 1", TODAY + " 2");
        assertThat(rows(store.export(ANNA), "reminder_day"))
                .extracting(row -> row.get("day"))
                .containsExactly(yesterday.toString());
    }
}
