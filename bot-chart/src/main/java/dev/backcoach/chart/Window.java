package dev.backcoach.chart;

import dev.backcoach.core.progress.ProgressHistory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The part of a history a chart shows: the 28 days ending today, as offsets from today (-27 … 0).
 * Anything odd in the history (days outside the window, ratings outside 0–10, missing words, a
 * language tag that names nothing) is settled here, so drawing never meets it.
 */
record Window(
        LocalDate today,
        Locale locale,
        ProgressHistory.Labels labels,
        TreeMap<Integer, Integer> ratings,
        TreeMap<Integer, Integer> sessions,
        TreeSet<Integer> reminders) {
    static final int DAYS = 28;

    static Window of(ProgressHistory history) {
        LocalDate today = orToday(history.today());
        LocalDate first = today.minusDays(DAYS - 1);
        ProgressHistory.Labels words = words(history.labels());
        Window window =
                new Window(
                        today,
                        Locale.forLanguageTag(words.languageTag()),
                        words,
                        new TreeMap<>(),
                        new TreeMap<>(),
                        new TreeSet<>());
        copy(history.ratings(), first, today, window.ratings, 10);
        copy(history.sessions(), first, today, window.sessions, Integer.MAX_VALUE);
        for (LocalDate day : nonNull(history.reminderDays())) {
            if (day != null && !day.isBefore(first) && !day.isAfter(today)) {
                window.reminders.add(offset(today, day));
            }
        }
        return window;
    }

    /** The most sessions on one day, at least 3 so a quiet month still has a readable band. */
    int sessionScale() {
        return Math.max(3, sessions.values().stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    private static void copy(
            @Nullable SortedMap<LocalDate, Integer> from,
            LocalDate first,
            LocalDate today,
            TreeMap<Integer, Integer> to,
            int max) {
        if (from == null) {
            return;
        }
        for (Map.Entry<LocalDate, Integer> e : from.entrySet()) {
            LocalDate day = e.getKey();
            Integer value = e.getValue();
            if (day != null && value != null && !day.isBefore(first) && !day.isAfter(today)) {
                to.put(offset(today, day), Math.max(0, Math.min(max, value)));
            }
        }
    }

    private static int offset(LocalDate today, LocalDate day) {
        return (int) ChronoUnit.DAYS.between(today, day);
    }

    // A stored reply read back by a lenient JSON reader may lack fields the record promises.
    private static LocalDate orToday(@Nullable LocalDate today) {
        return today != null ? today : LocalDate.now(ZoneOffset.UTC);
    }

    private static java.util.Set<LocalDate> nonNull(java.util.@Nullable SortedSet<LocalDate> days) {
        return days == null ? java.util.Set.of() : days;
    }

    private static ProgressHistory.Labels words(ProgressHistory.@Nullable Labels labels) {
        if (labels == null) {
            return new ProgressHistory.Labels("", "", "", "", "en");
        }
        return new ProgressHistory.Labels(
                text(labels.title()),
                text(labels.stiffness()),
                text(labels.sessions()),
                text(labels.reminder()),
                labels.languageTag() == null || labels.languageTag().isBlank()
                        ? "en"
                        : labels.languageTag());
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }
}
