package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The packed habits agree with a plain count of the same sessions, whatever the days: gaps, many
 * sessions a day, and days going back (a move to a zone behind).
 */
class HabitsPropertiesTest {
    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    @Property(tries = 500)
    void packedCountsAndStreakMatchAPlainCount(
            @ForAll @Size(max = 60) List<@IntRange(min = -1, max = 3) Integer> steps) {
        long packed = 0;
        LocalDate day = START;
        TreeMap<LocalDate, Integer> plain = new TreeMap<>();
        for (int step : steps) {
            day = day.plusDays(step);
            packed = Habits.record(packed, day);
            plain.merge(day, 1, Integer::sum);
        }
        if (plain.isEmpty()) {
            assertThat(Habits.streak(packed, day)).isZero();
            return;
        }
        LocalDate latest = plain.lastKey();
        if (steps.stream().anyMatch(s -> s < 0)) {
            // After a step back the latest day is kept: only bounds hold.
            assertThat(Habits.sessionsWithin(packed, latest, 14))
                    .isBetween(0, 3 * Habits.DAYS_KEPT);
            return;
        }
        int expected = 0;
        for (int back = 0; back < 7; back++) {
            expected += Math.min(3, plain.getOrDefault(latest.minusDays(back), 0));
        }
        assertThat(Habits.sessionsWithin(packed, latest, 7)).isEqualTo(expected);
        int streak = 0;
        while (plain.containsKey(latest.minusDays(streak))) {
            streak++;
        }
        assertThat(Habits.streak(packed, latest)).isEqualTo(streak);
        assertThat(Habits.streak(packed, latest.plusDays(1))).isEqualTo(streak);
        assertThat(Habits.streak(packed, latest.plusDays(2))).isZero();
    }
}
