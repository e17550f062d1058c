package dev.backcoach.faults.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A missing reminder is forgiven only when it was marked sent just before a kill. */
class ReminderFatesTest {
    private static final Instant KILL = Instant.parse("2026-12-03T15:03:21.200Z");

    @Test
    void markedSentJustBeforeAKillIsTheAtMostOnceWindow() {
        ReminderFates.Fate fate =
                ReminderFates.fate(7, "sent", KILL.minusMillis(40), List.of(KILL));

        assertThat(fate.explained()).isTrue();
        assertThat(fate.line()).isEqualTo("7: stored sent 40 ms before a kill");
    }

    @Test
    void markedSentLongBeforeAnyKillIsAFault() {
        ReminderFates.Fate fate =
                ReminderFates.fate(
                        7, "sent", KILL.minusSeconds(2), List.of(KILL, KILL.plusSeconds(30)));

        assertThat(fate.explained()).isFalse();
        assertThat(fate.line()).isEqualTo("7: stored sent 2000 ms before a kill");
    }

    @Test
    void markedSentAfterTheLastKillIsAFault() {
        assertThat(ReminderFates.fate(7, "sent", KILL.plusMillis(5), List.of(KILL)).explained())
                .isFalse();
    }

    @Test
    void aClaimThatWasNeverSentIsAFaultHoweverCloseTheKill() {
        assertThat(ReminderFates.fate(7, "claimed", KILL.minusMillis(1), List.of(KILL)).explained())
                .isFalse();
    }

    @Test
    void withNoKillNothingIsExplained() {
        assertThat(ReminderFates.fate(7, "sent", KILL, List.of()).explained()).isFalse();
    }
}
