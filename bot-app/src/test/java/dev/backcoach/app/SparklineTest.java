package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.progress.ProgressHistory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SparklineTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static ProgressHistory ratings(Map<LocalDate, Integer> ratings) {
        return new ProgressHistory(
                ZoneId.of("UTC"),
                TODAY,
                new TreeMap<>(ratings),
                new TreeMap<>(),
                new TreeSet<>(),
                new ProgressHistory.Labels("t", "Stiffness", "Sessions", "Reminder", "en"));
    }

    @Test
    void oneBlockPerDayFromTheFirstRatingHigherForStiffer() {
        String line =
                Sparkline.of(
                        ratings(
                                Map.of(
                                        TODAY.minusDays(4),
                                        10,
                                        TODAY.minusDays(3),
                                        7,
                                        TODAY.minusDays(1),
                                        3,
                                        TODAY,
                                        0)));

        assertThat(line).isEqualTo("█▆ ▃▁");
    }

    @Test
    void ratingsOlderThanFourWeeksOrNoneGiveNoLine() {
        assertThat(Sparkline.of(ratings(Map.of()))).isEmpty();
        assertThat(Sparkline.of(ratings(Map.of(TODAY.minusDays(28), 5)))).isEmpty();
        assertThat(Sparkline.of(ratings(Map.of(TODAY.minusDays(27), 5)))).hasSize(1);
    }
}
