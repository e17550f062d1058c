package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backcoach.core.TestClock;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.ConcurrentUpdateException;
import dev.backcoach.core.service.DuplicateEventException;
import dev.backcoach.core.service.StoreUnavailableException;
import dev.backcoach.core.service.TurnRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import dev.backcoach.core.model.NudgePlan;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JdbcStateStore} does, whatever the database: one subclass per database gives it
 * a new empty one for each test.
 */
abstract class StateStoreContract {
    static final UserKey ANNA = new UserKey(Platform.TELEGRAM, "1001");
    static final UserKey BORIS = new UserKey(Platform.DISCORD, "2002");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final Guide FOAM_ROLLER = new Guide(Guide.Kind.TECHNIQUE, "foam_roller", 2, 0);

    final TestClock clock = TestClock.at(Instant.parse("2026-11-20T18:30:00Z"));
    DatabaseSettings settings;
    Database database;
    JdbcStateStore store;

    /** Settings for a new, empty database that only this test uses. */
    abstract DatabaseSettings newDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        settings = newDatabase();
        database = Database.open(settings);
        store = new JdbcStateStore(database, clock);
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) { // null when opening failed
            database.close();
        }
    }

    @Test
    void aUserNeverSeenHasNoSession() {
        assertThat(store.load(ANNA)).isEmpty();
        assertThat(store.repliesOf(ANNA, "update-1")).isEmpty();
    }

    @Test
    void aSessionIsInsertedThenUpdatedVersionByVersion() {
        Session first = onboarded(ANNA).withVersion(1);
        store.save(first, 0);
        assertThat(store.load(ANNA)).contains(first);

        Session second = first.withDialogue(new Dialogue.Guiding(FOAM_ROLLER)).withPaused(FOAM_ROLLER.atStep(1))
                .withEquipment(0b101).withPromptSeq(7).withRatings(0x35, 20_412).withVersion(2);
        store.save(second, 1);
        assertThat(store.load(ANNA)).contains(second);
    }

    @Test
    void anEveningReminderIsKeptWithEveryDetailAndCanBeTurnedOff() {
        NudgePlan plan = new NudgePlan(LocalTime.of(20, 30), ZoneId.of("America/Argentina/Buenos_Aires"), 0b1010101,
                LocalDate.of(2026, 3, 9), 2, true);
        Session on = onboarded(ANNA).withNudge(plan).withVersion(1);
        store.save(on, 0);
        assertThat(store.load(ANNA)).contains(on);
        Session off = on.withNudge(null).withVersion(2);
        store.save(off, 1);
        assertThat(store.load(ANNA).orElseThrow().nudge()).isNull();
    }

    @Test
    void aReminderIsClaimedOncePerUserLocalDayAndKind() {
        Instant due = Instant.parse("2026-11-20T19:00:00Z");
        NudgeLog log = store.nudgeLog();
        assertThat(log.claim(ANNA, TODAY, "evening", due, NudgeLog.Status.CLAIMED)).isTrue();
        assertThat(log.claim(ANNA, TODAY, "evening", due, NudgeLog.Status.CLAIMED)).as("again: refused").isFalse();
        assertThat(log.claim(ANNA, TODAY, "snooze", due, NudgeLog.Status.CLAIMED)).isTrue();
        assertThat(log.claim(ANNA, TODAY.plusDays(1), "evening", due, NudgeLog.Status.CLAIMED)).isTrue();
        assertThat(log.claim(BORIS, TODAY, "evening", due, NudgeLog.Status.CLAIMED)).isTrue();
        log.mark(ANNA, TODAY, "evening", NudgeLog.Status.SENT);
        assertThat(rows(store.export(ANNA), "nudge_log"))
                .extracting(row -> row.get("local_date") + " " + row.get("kind") + " " + row.get("status"))
                .containsExactlyInAnyOrder("2026-11-20 evening sent", "2026-11-20 snooze claimed",
                        "2026-11-21 evening claimed");
    }

    @Test
    void aSecondFirstSaveOfTheSameUserIsAConflict() {
        store.save(onboarded(ANNA).withVersion(1), 0);
        Session rival = onboarded(ANNA).withPromptSeq(99).withVersion(1);

        assertThatThrownBy(() -> store.save(rival, 0)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.load(ANNA)).contains(onboarded(ANNA).withVersion(1));
    }

    @Test
    void aStaleVersionWritesNothingAtAll() {
        store.save(onboarded(ANNA).withVersion(1), 0);
        store.save(onboarded(ANNA).withPromptSeq(1).withVersion(2), 1);

        TurnRecord stale = new TurnRecord(onboarded(ANNA).withPromptSeq(50).withVersion(2), 1, "update-9",
                List.of(Reply.text("late")), List.of(new Effect.RecordRating(ANNA, TODAY, 4)));
        assertThatThrownBy(() -> store.commit(stale)).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(store.load(ANNA)).contains(onboarded(ANNA).withPromptSeq(1).withVersion(2));
        assertThat(store.repliesOf(ANNA, "update-9")).isEmpty();
        assertThat(rows(store.export(ANNA), "progress_rating")).isEmpty();
        assertThat(rows(store.export(ANNA), "processed_event")).isEmpty();
    }

    @Test
    void aReDeliveredEventIsRefusedWithItsEarlierRepliesWhateverTheVersion() {
        List<Reply> first = List.of(Reply.text("first answer"));
        store.commit(new TurnRecord(onboarded(ANNA).withVersion(1), 0, "update-5", first, List.of()));

        for (long expected : new long[] {1, 0, 7}) { // current, stale and unknown versions alike
            TurnRecord again = new TurnRecord(onboarded(ANNA).withPromptSeq(3).withVersion(expected + 1), expected,
                    "update-5", List.of(Reply.text("second answer")), List.of(new Effect.RecordRating(ANNA, TODAY, 2)));
            assertThatThrownBy(() -> store.commit(again)).isInstanceOfSatisfying(DuplicateEventException.class,
                    e -> assertThat(e.earlierReplies()).isEqualTo(first));
        }

        assertThat(store.load(ANNA)).contains(onboarded(ANNA).withVersion(1));
        assertThat(store.repliesOf(ANNA, "update-5")).contains(first);
        assertThat(rows(store.export(ANNA), "progress_rating")).isEmpty();
        store.commit(new TurnRecord(onboarded(ANNA).withPromptSeq(3).withVersion(2), 1, "update-6",
                List.of(Reply.text("next")), List.of()));
        assertThat(store.load(ANNA)).contains(onboarded(ANNA).withPromptSeq(3).withVersion(2));
    }

    @Test
    void aFailureHalfwayRollsBackTheWholeTurn() {
        store.save(onboarded(ANNA).withVersion(1), 0);
        TurnRecord broken = turn(onboarded(ANNA).withPromptSeq(5).withVersion(2), 1, "update-2",
                new Effect.RecordRating(ANNA, TODAY, 11)); // breaks the 0..10 check after the session row was written

        assertThatThrownBy(() -> store.commit(broken)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("unexpected database error while committing a turn");

        assertThat(store.load(ANNA)).contains(onboarded(ANNA).withVersion(1));
        assertThat(store.repliesOf(ANNA, "update-2")).isEmpty();
    }

    @Test
    void theRepliesOfAnEventComeBackExactly() {
        List<Reply> replies = List.of(
                new Reply("Rücken – ça va? 背中 💪🏽 <b>not html</b>", List.of(
                        List.of(new Button("Yes ✅", "17.y"), new Button("No", "17.n")),
                        List.of(new Button("Stop ⏹", "/stop"))), true),
                Reply.text("Second message\nwith a line break and \"quotes\""));
        store.commit(new TurnRecord(onboarded(ANNA).withVersion(1), 0, "update-1", replies, List.of()));

        assertThat(store.repliesOf(ANNA, "update-1")).contains(replies);
        assertThat(store.repliesOf(ANNA, "update-2")).isEmpty();
        assertThat(store.repliesOf(BORIS, "update-1")).as("event ids are per user").isEmpty();
    }

    @Test
    void aLaterRatingTheSameDayReplacesTheEarlierOne() {
        Session s = onboarded(ANNA);
        store.commit(turn(s.withVersion(1), 0, "r1", new Effect.RecordRating(ANNA, TODAY, 3)));
        store.commit(turn(s.withVersion(2), 1, "r2", new Effect.RecordRating(ANNA, TODAY, 5)));
        store.commit(turn(s.withVersion(3), 2, "r3", new Effect.RecordRating(ANNA, TODAY.plusDays(1), 7)));

        assertThat(rows(store.export(ANNA), "progress_rating"))
                .extracting(row -> row.get("day") + "=" + row.get("score"))
                .containsExactlyInAnyOrder("2026-11-20=5", "2026-11-21=7");
    }

    @Test
    void theExportHoldsSessionRatingsAndEventsAsPlainValues() {
        store.commit(turn(onboarded(ANNA).withVersion(1), 0, "update-1", new Effect.RecordRating(ANNA, TODAY, 6)));
        store.commit(turn(onboarded(BORIS).withVersion(1), 0, "update-1", new Effect.RecordRating(BORIS, TODAY, 2)));

        Map<String, Object> export = store.export(ANNA);

        assertThat(export).containsOnlyKeys("processed_event", "progress_rating", "user_session", "scheduled_tasks", "nudge_log");
        assertThat(rows(export, "user_session")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("platform", "TELEGRAM").containsEntry("user_id", "1001")
                    .containsEntry("adult", true).containsEntry("route", "SELF_CARE")
                    .containsEntry("route_date", "2026-11-20").containsEntry("dialogue", "idle")
                    .containsEntry("updated_at", "2026-11-20T18:30:00.000Z");
            assertThat(((Number) row.get("version")).longValue()).isEqualTo(1);
        });
        assertThat(rows(export, "progress_rating")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("day", "2026-11-20").containsEntry("score", 6));
        assertThat(rows(export, "processed_event")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("event_id", "update-1").containsEntry("created_at", "2026-11-20T18:30:00.000Z");
            assertThat(row.get("replies")).as("JSON, not a string of JSON").isInstanceOf(List.class);
        });
    }

    @Test
    void forgetLeavesNoRowOfTheUserInAnyTable() throws SQLException {
        for (UserKey user : List.of(ANNA, BORIS)) {
            store.commit(turn(onboarded(user).withVersion(1), 0, "update-1", new Effect.RecordRating(user, TODAY, 5)));
        }
        List<String> tables = SchemaFacts.userTables(database);
        assertThat(tables).contains("user_session", "progress_rating", "processed_event");
        for (UserKey user : List.of(ANNA, BORIS)) {
            assertThat(store.nudgeLog().claim(user, TODAY, "evening", Instant.parse("2026-11-20T19:00:00Z"),
                    NudgeLog.Status.SENT)).isTrue();
        }
        for (String task : List.of("TELEGRAM:1001", "TELEGRAM:1001:7", "DISCORD:2002", "TELEGRAM:10011")) {
            SchemaFacts.addTask(database, task.split(":").length == 3 ? "step-timer" : "nudge", task);
        }

        store.forget(ANNA);
        assertThat(SchemaFacts.tasksOf(database, ANNA)).as("Anna's reminder and timer").isZero();
        assertThat(SchemaFacts.tasksOf(database, BORIS)).isEqualTo(1);
        assertThat(SchemaFacts.tasksOf(database, new UserKey(ANNA.platform(), "10011"))).as("a longer id").isEqualTo(1);

        for (String table : tables) {
            assertThat(SchemaFacts.rowsOf(database, table, ANNA)).as(table).isZero();
            assertThat(SchemaFacts.rowsOf(database, table, BORIS)).as(table).isEqualTo(1);
        }
        assertThat(store.load(ANNA)).isEmpty();
        store.save(Session.fresh(ANNA).withVersion(1), 0); // a new user again
    }

    @Test
    void theScreeningIndexIsNeverStoredButItsButtonsStayValid() throws SQLException {
        store.save(onboarded(ANNA).withDialogue(new Dialogue.Screening(5)).withPromptSeq(17).withVersion(1), 0);

        Session loaded = store.load(ANNA).orElseThrow();
        assertThat(loaded.dialogue()).isEqualTo(new Dialogue.Screening(0));
        assertThat(SchemaFacts.dialogueColumn(database, ANNA)).isEqualTo("screening");
        // The button on screen names question 5 itself (see the engine), so it may still answer it.
        assertThat(loaded.promptSeq()).isEqualTo(17);
    }

    @Test
    void theFirstScreeningQuestionKeepsItsButtons() {
        store.save(onboarded(ANNA).withDialogue(new Dialogue.Screening(0)).withPromptSeq(17).withVersion(1), 0);

        assertThat(store.load(ANNA)).map(Session::promptSeq).contains(17);
    }

    @Test
    void aPainQuestionIsStoredAsTheGuidanceItInterrupted() {
        store.save(onboarded(ANNA).withDialogue(new Dialogue.HurtCheck(FOAM_ROLLER)).withPromptSeq(4).withVersion(1), 0);

        Session loaded = store.load(ANNA).orElseThrow();
        assertThat(loaded.dialogue()).isEqualTo(new Dialogue.Guiding(FOAM_ROLLER));
        assertThat(loaded.promptSeq()).as("its Yes/No buttons must not act on the guidance").isNotEqualTo(4);
    }

    @Test
    void aGarbledStoredDialogueReadsAsIdle() throws SQLException {
        store.save(onboarded(ANNA).withDialogue(new Dialogue.Guiding(FOAM_ROLLER)).withVersion(1), 0);
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE user_session SET dialogue = 'guiding:%%:x'")) {
            update.executeUpdate();
        }

        assertThat(store.load(ANNA)).map(Session::dialogue).contains(Dialogue.IDLE);
    }

    @Test
    void aReopenedDatabaseStillHasEverything() {
        Session saved = onboarded(ANNA).withDialogue(new Dialogue.Planning(2, 0b11)).withVersion(1);
        store.commit(new TurnRecord(saved, 0, "update-1", List.of(Reply.text("hi")), List.of()));
        database.close();

        database = Database.open(settings);
        store = new JdbcStateStore(database, clock);

        assertThat(store.load(ANNA)).contains(saved);
        assertThat(store.repliesOf(ANNA, "update-1")).contains(List.of(Reply.text("hi")));
    }

    @Test
    void concurrentReadModifyWriteLosesNoUpdate() throws Exception {
        int total = ConcurrentTurns.run(store, ANNA, 8, 25);

        Session last = store.load(ANNA).orElseThrow();
        assertThat(last.version()).isEqualTo(total).isEqualTo(8 * 25);
        assertThat(last.promptSeq()).as("every increment survived").isEqualTo(total);
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
        store.commit(turn(Session.fresh(carla).withRoute(Route.SEE_CLINICIAN, TODAY).withVersion(1), 0, "u3"));
        assertThat(store.usersPerRoute()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("SELF_CARE", 2L, "SEE_CLINICIAN", 1L));
    }

    @Test
    void aClosedPoolIsUnavailableNotAnError() {
        assertThat(store.reachable()).isTrue();
        database.close();

        assertThat(store.reachable()).isFalse();
        assertThatThrownBy(() -> store.load(ANNA)).isInstanceOf(StoreUnavailableException.class)
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
            try (PreparedStatement lock = holder.prepareStatement(
                    "UPDATE user_session SET prompt_seq = prompt_seq WHERE platform = ? AND user_id = ?")) {
                UserTables.bindUser(lock, ANNA);
                lock.executeUpdate();
            }
            long start = System.nanoTime();

            assertThatThrownBy(() -> store.save(onboarded(ANNA).withVersion(2), 1))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageStartingWith("database unavailable while committing a turn");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(Pools.LOCK_WAIT_MILLIS - 500), Duration.ofSeconds(15));
            holder.rollback();
        }
        store.save(onboarded(ANNA).withVersion(2), 1);
    }

    static Session onboarded(UserKey user) {
        return Session.fresh(user).withOnboarding(true, true).withRoute(Route.SELF_CARE, TODAY);
    }

    static TurnRecord turn(Session session, long expectedVersion, String eventId, Effect... effects) {
        return new TurnRecord(session, expectedVersion, eventId, List.of(Reply.text("ok")), List.of(effects));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Map<String, Object> export, String table) {
        return (List<Map<String, Object>>) export.get(table);
    }
}
