package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backcoach.core.content.Equipment;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.ConcurrentUpdateException;
import dev.backcoach.core.service.DuplicateEventException;
import dev.backcoach.core.service.StateStoreContract;
import dev.backcoach.core.service.StoreUnavailableException;
import dev.backcoach.core.service.TurnRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link JdbcStateStore} promises beyond the port's contract, whatever the database: its
 * tables, the export, the reminder log, a database that goes away. One subclass per database gives
 * each test a new, empty one.
 */
abstract class JdbcStateStoreContract extends StateStoreContract<JdbcStateStore> {
    DatabaseSettings settings;
    Database database;

    /** Settings for a new, empty database that only this test uses. */
    abstract DatabaseSettings newDatabase() throws Exception;

    @Override
    protected JdbcStateStore newStore() throws Exception {
        settings = newDatabase();
        database = Database.open(settings);
        return new JdbcStateStore(database, clock);
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) { // null when opening failed
            database.close();
        }
    }

    @Test
    void aRefusedTurnLeavesNoRatingAndNoEventRow() {
        store.commit(turn(onboarded(ANNA).withVersion(1), 0, "update-5"));
        assertThatThrownBy(
                        () ->
                                store.commit(
                                        turn(
                                                onboarded(ANNA).withPromptSeq(50).withVersion(1),
                                                0,
                                                "update-9",
                                                new Effect.RecordRating(ANNA, TODAY, 4))))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(
                        () ->
                                store.commit(
                                        turn(
                                                onboarded(ANNA).withPromptSeq(3).withVersion(2),
                                                1,
                                                "update-5",
                                                new Effect.RecordRating(ANNA, TODAY, 2))))
                .isInstanceOf(DuplicateEventException.class);
        assertThat(rows(store.export(ANNA), "progress_rating")).isEmpty();
        assertThat(rows(store.export(ANNA), "processed_event")).hasSize(1);
    }

    @Test
    void aReminderIsClaimedOncePerUserLocalDayAndKind() {
        Instant due = Instant.parse("2026-11-20T19:00:00Z");
        NudgeLog log = store.nudgeLog();
        assertThat(log.claim(ANNA, TODAY, "evening", due, NudgeLog.Status.CLAIMED)).isTrue();
        assertThat(log.claim(ANNA, TODAY, "evening", due, NudgeLog.Status.CLAIMED))
                .as("again: refused")
                .isFalse();
        assertThat(log.claim(ANNA, TODAY, "snooze", due, NudgeLog.Status.CLAIMED)).isTrue();
        assertThat(log.claim(ANNA, TODAY.plusDays(1), "evening", due, NudgeLog.Status.CLAIMED))
                .isTrue();
        assertThat(log.claim(BORIS, TODAY, "evening", due, NudgeLog.Status.CLAIMED)).isTrue();
        log.mark(ANNA, TODAY, "evening", NudgeLog.Status.SENT);
        assertThat(rows(store.export(ANNA), "nudge_log"))
                .extracting(
                        row ->
                                row.get("local_date")
                                        + " "
                                        + row.get("kind")
                                        + " "
                                        + row.get("status"))
                .containsExactlyInAnyOrder(
                        "2026-11-20 evening sent",
                        "2026-11-20 snooze claimed",
                        "2026-11-21 evening claimed");
    }

    @Test
    void theUsersTimeZoneIsKeptAndAnUnknownOneIsAskedAgain() throws Exception {
        store.save(
                onboarded(ANNA).withZone(java.time.ZoneId.of("Europe/Berlin")).withVersion(1), 0);
        assertThat(store.load(ANNA).orElseThrow().zone())
                .isEqualTo(java.time.ZoneId.of("Europe/Berlin"));

        try (var c = database.dataSource().getConnection();
                var update = c.prepareStatement("UPDATE user_session SET zone = 'Mars/Olympus'")) {
            update.executeUpdate();
        }
        assertThat(store.load(ANNA).orElseThrow().zone()).as("read as not asked yet").isNull();
    }

    @Test
    void aFailureHalfwayRollsBackTheWholeTurn() {
        store.save(onboarded(ANNA).withVersion(1), 0);
        TurnRecord broken =
                turn(
                        onboarded(ANNA).withPromptSeq(5).withVersion(2),
                        1,
                        "update-2",
                        new Effect.RecordRating(
                                ANNA, TODAY,
                                11)); // breaks the 0..10 check after the session row was written
        assertThatThrownBy(() -> store.commit(broken))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("unexpected database error while committing a turn");
        assertThat(store.load(ANNA)).contains(onboarded(ANNA).withVersion(1));
        assertThat(store.repliesOf(ANNA, "update-2")).isEmpty();
    }

    @Test
    void aLaterRatingTheSameDayReplacesTheEarlierOne() {
        Session s = onboarded(ANNA);
        store.commit(turn(s.withVersion(1), 0, "r1", new Effect.RecordRating(ANNA, TODAY, 3)));
        store.commit(turn(s.withVersion(2), 1, "r2", new Effect.RecordRating(ANNA, TODAY, 5)));
        store.commit(
                turn(
                        s.withVersion(3),
                        2,
                        "r3",
                        new Effect.RecordRating(ANNA, TODAY.plusDays(1), 7)));
        assertThat(rows(store.export(ANNA), "progress_rating"))
                .extracting(row -> row.get("day") + "=" + row.get("score"))
                .containsExactlyInAnyOrder("2026-11-20=5", "2026-11-21=7");
    }

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
    void theScreeningPositionIsNeverStoredButItsButtonsStayValid() throws SQLException {
        for (Dialogue step :
                List.of(
                        new Dialogue.Screening(5),
                        new Dialogue.ScreeningItem(1, 3),
                        new Dialogue.SignGone())) {
            store.forget(ANNA);
            store.save(onboarded(ANNA).withDialogue(step).withPromptSeq(17).withVersion(1), 0);

            Session loaded = store.load(ANNA).orElseThrow();
            assertThat(loaded.dialogue())
                    .as("the check starts again, saying why")
                    .isEqualTo(new Dialogue.CheckRestarted());
            assertThat(SchemaFacts.dialogueColumn(database, ANNA)).isEqualTo("screening");
            // The button on screen names its position itself (see the engine), so it may still
            // answer it.
            assertThat(loaded.promptSeq()).isEqualTo(17);
        }
    }

    @Test
    void theFirstScreeningQuestionKeepsItsButtons() {
        store.save(
                onboarded(ANNA)
                        .withDialogue(new Dialogue.Screening(0))
                        .withPromptSeq(17)
                        .withVersion(1),
                0);

        assertThat(store.load(ANNA)).map(Session::promptSeq).contains(17);
    }

    @Test
    void aPainQuestionIsStoredAsTheGuidanceItInterrupted() {
        store.save(
                onboarded(ANNA)
                        .withDialogue(new Dialogue.HurtCheck(FOAM_ROLLER))
                        .withPromptSeq(4)
                        .withVersion(1),
                0);

        Session loaded = store.load(ANNA).orElseThrow();
        assertThat(loaded.dialogue()).isEqualTo(new Dialogue.Guiding(FOAM_ROLLER));
        assertThat(loaded.promptSeq())
                .as("its Yes/No buttons must not act on the guidance")
                .isNotEqualTo(4);
    }

    @Test
    void aGarbledStoredDialogueReadsAsIdle() throws SQLException {
        store.save(
                onboarded(ANNA).withDialogue(new Dialogue.Guiding(FOAM_ROLLER)).withVersion(1), 0);
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement update =
                        c.prepareStatement("UPDATE user_session SET dialogue = 'guiding:%%:x'")) {
            update.executeUpdate();
        }

        assertThat(store.load(ANNA)).map(Session::dialogue).contains(Dialogue.IDLE);
    }

    @Test
    void aReopenedDatabaseStillHasEverything() {
        Session saved = onboarded(ANNA).withDialogue(new Dialogue.Planning(0b11)).withVersion(1);
        store.commit(new TurnRecord(saved, 0, "update-1", List.of(Reply.text("hi")), List.of()));
        database.close();

        database = Database.open(settings);
        store = new JdbcStateStore(database, clock);

        assertThat(store.load(ANNA)).contains(saved);
        assertThat(store.repliesOf(ANNA, "update-1")).contains(List.of(Reply.text("hi")));
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

    @Test
    void aClosedPoolIsUnavailableNotAnError() {
        assertThat(store.reachable()).isTrue();
        database.close();

        assertThat(store.reachable()).isFalse();
        assertThatThrownBy(() -> store.load(ANNA))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("database unavailable while loading a session");
        assertThatThrownBy(() -> store.save(onboarded(ANNA).withVersion(1), 0))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> store.forget(ANNA)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void aWriteBlockedBeyondTheLockWaitIsUnavailableNotStuck() throws SQLException {
        store.save(onboarded(ANNA).withVersion(1), 0);
        try (Connection holder = database.dataSource().getConnection()) {
            // Another instance in the middle of its own turn for the same user.
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement(
                            "UPDATE user_session SET prompt_seq = prompt_seq WHERE platform = ? AND user_id = ?")) {
                UserTables.bindUser(lock, ANNA);
                lock.executeUpdate();
            }
            long start = System.nanoTime();

            assertThatThrownBy(() -> store.save(onboarded(ANNA).withVersion(2), 1))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("database unavailable while committing a turn");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(
                            Duration.ofMillis(Pools.LOCK_WAIT_MILLIS - 500),
                            Duration.ofSeconds(15));
            holder.rollback();
        }
        store.save(onboarded(ANNA).withVersion(2), 1);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Map<String, Object> export, String table) {
        return (List<Map<String, Object>>) export.get(table);
    }
}
