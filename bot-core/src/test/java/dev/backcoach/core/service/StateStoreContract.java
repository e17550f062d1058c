package dev.backcoach.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backcoach.core.TestClock;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} promises, whatever keeps the data: versions, events committed once,
 * nothing half-written. A subclass per store gives each test a new, empty one; stores with more to
 * promise (tables, an export format, a database going away) add their own tests.
 */
public abstract class StateStoreContract<S extends StateStore> {
    public static final UserKey ANNA = new UserKey(Platform.TELEGRAM, "1001");
    public static final UserKey BORIS = new UserKey(Platform.DISCORD, "2002");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    protected static final Guide FOAM_ROLLER = new Guide(Guide.Kind.TECHNIQUE, "foam_roller", 2, 0);

    protected final TestClock clock = TestClock.at(Instant.parse("2026-11-20T18:30:00Z"));
    protected S store;

    /** A new, empty store that only this test uses, on {@link #clock}. */
    protected abstract S newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
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

        Session second =
                first.withDialogue(new Dialogue.Guiding(FOAM_ROLLER))
                        .withPaused(FOAM_ROLLER.atStep(1))
                        .withEquipment(0b101)
                        .withPromptSeq(7)
                        .withRatings(0x35, 20_412)
                        .withVersion(2);
        store.save(second, 1);
        assertThat(store.load(ANNA)).contains(second);
    }

    @Test
    void anEveningReminderIsKeptWithEveryDetailAndCanBeTurnedOff() {
        NudgePlan plan =
                new NudgePlan(
                        LocalTime.of(20, 30),
                        ZoneId.of("America/Argentina/Buenos_Aires"),
                        0b1010101,
                        LocalDate.of(2026, 3, 9),
                        2,
                        true);
        Session on = onboarded(ANNA).withNudge(plan).withVersion(1);
        store.save(on, 0);
        assertThat(store.load(ANNA)).contains(on);
        Session off = on.withNudge(null).withVersion(2);
        store.save(off, 1);
        assertThat(store.load(ANNA).orElseThrow().nudge()).isNull();
    }

    @Test
    void aSecondFirstSaveOfTheSameUserIsAConflict() {
        store.save(onboarded(ANNA).withVersion(1), 0);
        Session rival = onboarded(ANNA).withPromptSeq(99).withVersion(1);

        assertThatThrownBy(() -> store.save(rival, 0))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(store.load(ANNA)).contains(onboarded(ANNA).withVersion(1));
    }

    @Test
    void aStaleVersionWritesNothingAtAll() {
        store.save(onboarded(ANNA).withVersion(1), 0);
        store.save(onboarded(ANNA).withPromptSeq(1).withVersion(2), 1);

        TurnRecord stale =
                new TurnRecord(
                        onboarded(ANNA).withPromptSeq(50).withVersion(2),
                        1,
                        "update-9",
                        List.of(Reply.text("late")),
                        List.of(new Effect.RecordRating(ANNA, TODAY, 4)));
        assertThatThrownBy(() -> store.commit(stale)).isInstanceOf(ConcurrentUpdateException.class);

        assertThat(store.load(ANNA)).contains(onboarded(ANNA).withPromptSeq(1).withVersion(2));
        assertThat(store.repliesOf(ANNA, "update-9")).isEmpty();
    }

    @Test
    void aReDeliveredEventIsRefusedWithItsEarlierRepliesWhateverTheVersion() {
        List<Reply> first = List.of(Reply.text("first answer"));
        store.commit(
                new TurnRecord(onboarded(ANNA).withVersion(1), 0, "update-5", first, List.of()));

        for (long expected : new long[] {1, 0, 7}) { // current, stale and unknown versions alike
            TurnRecord again =
                    new TurnRecord(
                            onboarded(ANNA).withPromptSeq(3).withVersion(expected + 1),
                            expected,
                            "update-5",
                            List.of(Reply.text("second answer")),
                            List.of(new Effect.RecordRating(ANNA, TODAY, 2)));
            assertThatThrownBy(() -> store.commit(again))
                    .isInstanceOfSatisfying(
                            DuplicateEventException.class,
                            e -> assertThat(e.earlierReplies()).isEqualTo(first));
        }

        assertThat(store.load(ANNA)).contains(onboarded(ANNA).withVersion(1));
        assertThat(store.repliesOf(ANNA, "update-5")).contains(first);
        store.commit(
                new TurnRecord(
                        onboarded(ANNA).withPromptSeq(3).withVersion(2),
                        1,
                        "update-6",
                        List.of(Reply.text("next")),
                        List.of()));
        assertThat(store.load(ANNA)).contains(onboarded(ANNA).withPromptSeq(3).withVersion(2));
    }

    @Test
    void theRepliesOfAnEventComeBackExactly() {
        List<Reply> replies =
                List.of(
                        new Reply(
                                "Rücken – ça va? 背中 💪🏽 <b>not html</b>",
                                List.of(
                                        List.of(
                                                new Button("Yes ✅", "17.y"),
                                                new Button("No", "17.n")),
                                        List.of(new Button("Stop ⏹", "/stop"))),
                                true),
                        Reply.text("Second message\nwith a line break and \"quotes\""));
        store.commit(
                new TurnRecord(onboarded(ANNA).withVersion(1), 0, "update-1", replies, List.of()));

        assertThat(store.repliesOf(ANNA, "update-1")).contains(replies);
        assertThat(store.repliesOf(ANNA, "update-2")).isEmpty();
        assertThat(store.repliesOf(BORIS, "update-1")).as("event ids are per user").isEmpty();
    }

    @Test
    void concurrentReadModifyWriteLosesNoUpdate() throws Exception {
        int total = ConcurrentTurns.run(store, ANNA, 8, 25);

        Session last = store.load(ANNA).orElseThrow();
        assertThat(last.version()).isEqualTo(total).isEqualTo(8 * 25);
        assertThat(last.promptSeq()).as("every increment survived").isEqualTo(total);
    }

    @Test
    void aForgottenUserIsNewAgain() {
        store.commit(
                turn(
                        onboarded(ANNA).withVersion(1),
                        0,
                        "update-1",
                        new Effect.RecordRating(ANNA, TODAY, 5)));
        store.commit(turn(onboarded(BORIS).withVersion(1), 0, "update-1"));

        store.forget(ANNA);

        assertThat(store.load(ANNA)).isEmpty();
        assertThat(store.repliesOf(ANNA, "update-1")).isEmpty();
        assertThat(store.load(BORIS)).isPresent();
        store.save(
                Session.fresh(ANNA).withVersion(1), 0); // version 0 again: nothing of hers is left
        assertThat(store.load(ANNA)).contains(Session.fresh(ANNA).withVersion(1));
    }

    public static Session onboarded(UserKey user) {
        return Session.fresh(user).withOnboarding(true, true).withRoute(Route.SELF_CARE, TODAY);
    }

    public static TurnRecord turn(
            Session session, long expectedVersion, String eventId, Effect... effects) {
        return new TurnRecord(
                session, expectedVersion, eventId, List.of(Reply.text("ok")), List.of(effects));
    }
}
