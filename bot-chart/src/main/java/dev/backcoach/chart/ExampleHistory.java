package dev.backcoach.chart;

import dev.backcoach.core.progress.ProgressHistory;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A realistic four weeks: stiffness easing from 7 to about 3 with ups and downs and a few days not
 * logged, one or two sessions on most days, evening reminders on weekdays. The README's image and
 * the benchmark draw it.
 */
public final class ExampleHistory {
    private static final int[] STIFFNESS = {
        7, 7, 6, -1, 6, 7, 6, 5, -1, 5, 5, 4, 6, 5, 4, -1, 4, 4, 3, 4, 3, -1, 3, 4, 3, 2, 3, 3
    };
    private static final int[] SESSIONS = {
        1, 0, 1, 0, 2, 1, 0, 1, 0, 1, 2, 1, 1, 0, 2, 0, 1, 1, 2, 1, 0, 0, 1, 2, 1, 1, 2, 1
    };

    private ExampleHistory() {}

    /** Four weeks ending {@code today}, with words in {@code labels}. */
    public static ProgressHistory endingOn(LocalDate today, ProgressHistory.Labels labels) {
        SortedMap<LocalDate, Integer> ratings = new TreeMap<>();
        SortedMap<LocalDate, Integer> sessions = new TreeMap<>();
        SortedSet<LocalDate> reminders = new TreeSet<>();
        for (int i = 0; i < STIFFNESS.length; i++) {
            LocalDate day = today.minusDays(STIFFNESS.length - 1L - i);
            if (STIFFNESS[i] >= 0) {
                ratings.put(day, STIFFNESS[i]);
            }
            if (SESSIONS[i] > 0) {
                sessions.put(day, SESSIONS[i]);
            }
            if (day.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) <= 0) {
                reminders.add(day);
            }
        }
        return new ProgressHistory(
                ZoneId.of("Europe/Berlin"), today, ratings, sessions, reminders, labels);
    }

    /** English words, as a /progress reply might carry them. */
    public static ProgressHistory.Labels english() {
        return new ProgressHistory.Labels(
                "Your last 4 weeks", "Stiffness (0–10)", "Sessions", "Reminder sent", "en");
    }
}
