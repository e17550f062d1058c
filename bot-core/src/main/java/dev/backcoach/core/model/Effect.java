package dev.backcoach.core.model;

import java.time.Duration;

/** Something the engine wants done beyond replying; carried out after the turn is committed. */
public sealed interface Effect {

    /** Deliver {@link Inbound.TimerFired} with this token after {@code delay}. */
    record StartTimer(UserKey user, ChatRef chat, int token, Duration delay) implements Effect {}

    /**
     * The user's evening reminder changed: next due at {@code at}, or never ({@code null}:
     * stopped). Also drops a pending snooze.
     */
    record ScheduleNudge(
            UserKey user, ChatRef chat, java.time.@org.jspecify.annotations.Nullable Instant at)
            implements Effect {}

    /** Remind the user again at {@code at}, once: they pressed "Snooze". */
    record SnoozeNudge(UserKey user, ChatRef chat, java.time.Instant at) implements Effect {}

    /** Record a 0–10 stiffness rating for the user's progress log. */
    record RecordRating(UserKey user, java.time.LocalDate day, int score) implements Effect {}

    /**
     * Count a technique or routine finished to its last step on the user's calendar day, for their
     * habits and progress chart.
     */
    record RecordSession(UserKey user, java.time.LocalDate day) implements Effect {}

    /**
     * Show the user's progress, read from the store once the turn is committed: the last four weeks
     * with a chart, or ({@code week}) the weekly summary. {@code lead} goes first in the same
     * message (e.g. "Saved: 4/10"); it may be empty.
     */
    record ShowProgress(UserKey user, boolean week, String lead) implements Effect {}

    /** Delete everything stored about the user, everywhere; afterwards they are a new user. */
    record Forget(UserKey user) implements Effect {}

    /** Send the user a JSON document of everything stored about them. */
    record ExportData(UserKey user) implements Effect {}
}
