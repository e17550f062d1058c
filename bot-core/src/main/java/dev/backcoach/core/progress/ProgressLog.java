package dev.backcoach.core.progress;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the store keeps of a user's progress from some day on, by their calendar day: the source of
 * /progress, its chart and the weekly summary.
 *
 * @param ratings stiffness 0–10 per day
 * @param sessions techniques or routines finished per day (days without any are absent)
 * @param reminderDays days an evening reminder was sent
 */
public record ProgressLog(
        SortedMap<LocalDate, Integer> ratings,
        SortedMap<LocalDate, Integer> sessions,
        SortedSet<LocalDate> reminderDays) {

    public static final ProgressLog EMPTY =
            new ProgressLog(new TreeMap<>(), new TreeMap<>(), new TreeSet<>());

    public ProgressLog {
        ratings = Collections.unmodifiableSortedMap(new TreeMap<>(ratings));
        sessions = Collections.unmodifiableSortedMap(new TreeMap<>(sessions));
        reminderDays = Collections.unmodifiableSortedSet(new TreeSet<>(reminderDays));
    }
}
