package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.service.ConcurrentUpdateException;
import dev.backcoach.core.service.DuplicateEventException;
import dev.backcoach.core.service.StoreUnavailableException;
import dev.backcoach.core.service.TurnRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A turn as a {@link JdbcStateStore} writes it: ratings, events, reminders, the stored dialogue.
 */
abstract class JdbcTurnContract extends JdbcStoreFixture {

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
}
