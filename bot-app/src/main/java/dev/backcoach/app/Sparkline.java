package dev.backcoach.app;

import dev.backcoach.core.progress.ProgressHistory;
import java.time.LocalDate;
import java.util.SortedMap;

/**
 * A chart's ratings as one line of block characters, for the terminal: one character per day of the
 * last 4 weeks from the first rated one, higher for stiffer, a space for a day not rated.
 */
final class Sparkline {
    private static final String BLOCKS = "▁▂▃▄▅▆▇█";
    static final int DAYS = 28;

    private Sparkline() {}

    /** The ratings' line, or "" when there is none in the window. */
    static String of(ProgressHistory history) {
        SortedMap<LocalDate, Integer> window =
                history.ratings()
                        .subMap(history.today().minusDays(DAYS - 1), history.today().plusDays(1));
        if (window.isEmpty()) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        for (LocalDate day = window.firstKey();
                !day.isAfter(history.today());
                day = day.plusDays(1)) {
            Integer score = window.get(day);
            line.append(score == null ? ' ' : block(score));
        }
        return line.toString().stripTrailing();
    }

    private static char block(int score) {
        int clamped = Math.max(0, Math.min(10, score));
        return BLOCKS.charAt(Math.round(clamped * (BLOCKS.length() - 1) / 10f));
    }
}
