package dev.backcoach.core.engine;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;

/**
 * A reminder time typed as a bare hour ("3", "9:30") could be morning or evening. Inside the usual
 * evening (17:00 to 23:00) it is taken as typed; outside it, the user is asked which they meant.
 */
final class AmOrPm {
    private static final LocalTime EVENING_FROM = LocalTime.of(17, 0);
    private static final LocalTime EVENING_TO = LocalTime.of(23, 0);

    private AmOrPm() {}

    /**
     * True when {@code typed} (read as {@code time}) names no half of the day and is no usual
     * evening time. A leading zero ("07:30") is read as the 24-hour clock.
     */
    static boolean unsure(String typed, LocalTime time) {
        String lower = typed.strip().toLowerCase(Locale.ROOT);
        boolean saysHalf = lower.contains("a") || lower.contains("p") || lower.startsWith("0");
        boolean evening = !time.isBefore(EVENING_FROM) && !time.isAfter(EVENING_TO);
        return !saysHalf && !evening && time.getHour() >= 1 && time.getHour() <= 12;
    }

    /** The morning reading: 3:00 for "3", 0:30 for "12:30". */
    static LocalTime morning(LocalTime time) {
        return time.withHour(time.getHour() % 12);
    }

    /** "pm", "evening", "am", "morning": which half the user means, for the hour asked about. */
    static Optional<LocalTime> half(String typed, LocalTime morning) {
        String word = Labels.normalize(typed);
        if (word.equals("pm")
                || word.equals("evening")
                || word.equals("afternoon")
                || word.equals("night")) {
            return Optional.of(morning.plusHours(12));
        } else if (word.equals("am") || word.equals("morning")) {
            return Optional.of(morning);
        }
        return Optional.empty();
    }

    /** "3 pm", "9:30 am", "12 am". */
    static String label(LocalTime time) {
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minutes =
                time.getMinute() == 0 ? "" : String.format(Locale.ROOT, ":%02d", time.getMinute());
        return hour + minutes + (time.getHour() < 12 ? " am" : " pm");
    }
}
