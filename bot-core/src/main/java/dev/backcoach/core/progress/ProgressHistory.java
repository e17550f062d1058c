package dev.backcoach.core.progress;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a progress chart shows, in the user's own calendar days: the engine fills it, a platform
 * renders it (off the turn path). Plain data, so a reply that carries it can be stored and
 * replayed.
 *
 * @param zone the user's time zone, which decided every day below
 * @param today the last day the chart covers (the user's today)
 * @param ratings stiffness 0–10 per day, one per day at most
 * @param sessions techniques or routines finished per day (days without any are absent)
 * @param reminderDays days on which an evening reminder was sent
 * @param labels the chart's words, in the user's language
 */
public record ProgressHistory(
        ZoneId zone,
        LocalDate today,
        SortedMap<LocalDate, Integer> ratings,
        SortedMap<LocalDate, Integer> sessions,
        SortedSet<LocalDate> reminderDays,
        Labels labels) {

    public ProgressHistory {
        ratings = Collections.unmodifiableSortedMap(new TreeMap<>(ratings));
        sessions = Collections.unmodifiableSortedMap(new TreeMap<>(sessions));
        reminderDays = Collections.unmodifiableSortedSet(new TreeSet<>(reminderDays));
    }

    /**
     * The chart's words.
     *
     * @param languageTag the IETF tag of the user's language, for month and day names (e.g. "en")
     */
    public record Labels(
            String title, String stiffness, String sessions, String reminder, String languageTag) {}
}
