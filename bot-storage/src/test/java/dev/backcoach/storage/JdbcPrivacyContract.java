package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What is kept about a user and what is not: forget, the route reason, purging, counts without ids.
 */
abstract class JdbcPrivacyContract extends JdbcExportContract {

    @Test
    void forgetLeavesNoRowOfTheUserInAnyTable() throws SQLException {
        for (UserKey user : List.of(ANNA, BORIS)) {
            store.commit(
                    turn(
                            onboarded(user).withVersion(1),
                            0,
                            "update-1",
                            new Effect.RecordRating(user, TODAY, 5),
                            new Effect.RecordSession(user, TODAY)));
        }
        List<String> tables = SchemaFacts.userTables(database);
        assertThat(tables)
                .contains(
                        "user_session",
                        "progress_rating",
                        "processed_event",
                        "practice_session",
                        "reminder_day");
        for (UserKey user : List.of(ANNA, BORIS)) {
            assertThat(
                            store.nudgeLog()
                                    .claim(
                                            user,
                                            TODAY,
                                            "evening",
                                            Instant.parse("2026-11-20T19:00:00Z"),
                                            NudgeLog.Status.SENT))
                    .isTrue();
        }
        for (String task :
                List.of("TELEGRAM:1001", "TELEGRAM:1001:7", "DISCORD:2002", "TELEGRAM:10011")) {
            SchemaFacts.addTask(
                    database, task.split(":").length == 3 ? "step-timer" : "nudge", task);
        }

        store.forget(ANNA);
        assertThat(SchemaFacts.tasksOf(database, ANNA)).as("Anna's reminder and timer").isZero();
        assertThat(SchemaFacts.tasksOf(database, BORIS)).isEqualTo(1);
        assertThat(SchemaFacts.tasksOf(database, new UserKey(ANNA.platform(), "10011")))
                .as("a longer id")
                .isEqualTo(1);

        for (String table : tables) {
            assertThat(SchemaFacts.rowsOf(database, table, ANNA)).as(table).isZero();
            assertThat(SchemaFacts.rowsOf(database, table, BORIS)).as(table).isEqualTo(1);
        }
        assertThat(store.load(ANNA)).isEmpty();
        store.save(Session.fresh(ANNA).withVersion(1), 0); // a new user again
    }

    @Test
    void theRouteReasonRoundTripsIsExportedAndForgotten() {
        Session saved =
                onboarded(ANNA).withRoute(Route.SEE_CLINICIAN, TODAY, "night_pain").withVersion(1);
        store.save(saved, 0);

        assertThat(store.load(ANNA)).contains(saved);
        assertThat(store.load(ANNA)).map(Session::routeReason).contains("night_pain");
        assertThat(rows(store.export(ANNA), "user_session"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("route_reason", "night_pain"));

        store.save(saved.withRoute(Route.SELF_CARE, TODAY).withVersion(2), 1);
        assertThat(store.load(ANNA)).map(Session::routeReason).isEmpty();

        store.save(saved.withVersion(3), 2);
        store.forget(ANNA);
        assertThat(store.load(ANNA)).isEmpty();
        assertThat(store.export(ANNA).toString()).doesNotContain("night_pain");
    }

    /** Discord's developer policy: no health details kept for Discord users, only the route. */
    @Test
    void forDiscordUsersTheRouteReasonIsNeverStored() {
        store.save(
                onboarded(BORIS).withRoute(Route.EMERGENCY, TODAY, "bladder_bowel").withVersion(1),
                0);

        Session loaded = store.load(BORIS).orElseThrow();
        assertThat(loaded.route()).isEqualTo(Route.EMERGENCY);
        assertThat(loaded.routeReason()).isNull();
        assertThat(store.export(BORIS).toString()).doesNotContain("bladder_bowel");
    }

    @Test
    void oldEventsArePurgedByAge() {
        store.commit(turn(onboarded(ANNA).withVersion(1), 0, "old"));
        clock.advance(Duration.ofDays(2));
        store.commit(turn(onboarded(ANNA).withVersion(2), 1, "new"));

        assertThat(store.purgeEventsBefore(clock.instant().minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(store.repliesOf(ANNA, "old")).isEmpty();
        assertThat(store.repliesOf(ANNA, "new")).isPresent();
    }

    @Test
    void usersPerRouteAreCountedWithoutAnyId() {
        assertThat(store.usersPerRoute()).isEmpty();
        store.commit(turn(onboarded(ANNA).withVersion(1), 0, "u1"));
        store.commit(turn(onboarded(BORIS).withVersion(1), 0, "u2"));
        UserKey carla = new UserKey(Platform.TELEGRAM, "3003");
        store.commit(
                turn(
                        Session.fresh(carla).withRoute(Route.SEE_CLINICIAN, TODAY).withVersion(1),
                        0,
                        "u3"));
        assertThat(store.usersPerRoute())
                .containsExactlyInAnyOrderEntriesOf(
                        java.util.Map.of("SELF_CARE", 2L, "SEE_CLINICIAN", 1L));
    }
}
