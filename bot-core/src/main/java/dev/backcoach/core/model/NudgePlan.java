package dev.backcoach.core.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The evening reminder a user opted in to: a local time in their time zone on chosen days.
 *
 * @param days the chosen days as bits, Monday = bit 0 … Sunday = bit 6
 * @param pausedUntil no reminder before this local date ({@code null}: not paused)
 * @param ignored reminders in a row that got no reaction at all
 * @param awaiting the last reminder has had no reaction yet
 */
public record NudgePlan(
        LocalTime time,
        ZoneId zone,
        int days,
        @Nullable LocalDate pausedUntil,
        int ignored,
        boolean awaiting) {
    public static final int EVERY_DAY = 0b111_1111;
    public static final int WEEKDAYS = 0b001_1111;
    public static final int WEEKENDS = 0b110_0000;

    public NudgePlan {
        time = time.withSecond(0).withNano(0);
        if ((days & EVERY_DAY) == 0 || (days & ~EVERY_DAY) != 0) {
            throw new IllegalArgumentException(
                    "a plan needs at least one day and only days: " + days);
        }
    }

    public static NudgePlan of(LocalTime time, ZoneId zone, int days) {
        return new NudgePlan(time, zone, days, null, 0, false);
    }

    public static int bit(DayOfWeek day) {
        return 1 << (day.getValue() - 1);
    }

    public boolean on(DayOfWeek day) {
        return (days & bit(day)) != 0;
    }

    /**
     * True on the day the weekly summary comes with the reminder: Sunday when it is a reminder day,
     * else the first reminder day of the (Monday-first) week.
     */
    public boolean summaryOn(LocalDate localDate) {
        DayOfWeek day = localDate.getDayOfWeek();
        if (on(DayOfWeek.SUNDAY)) {
            return day == DayOfWeek.SUNDAY;
        }
        return on(day) && Integer.numberOfTrailingZeros(days) == day.getValue() - 1;
    }

    public boolean pausedOn(LocalDate localDate) {
        return pausedUntil != null && localDate.isBefore(pausedUntil);
    }

    /** The user's calendar date at {@code instant}: the day a reminder belongs to. */
    public LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * The first reminder strictly after {@code after}. Daylight-saving changes follow the zone's
     * rules: a time that does not exist that day (the clocks jump over it) moves forward by the
     * jump; a time that happens twice is taken the first time.
     */
    public Instant nextDue(Instant after) {
        LocalDate date = localDate(after).minusDays(1);
        LocalDate last =
                (pausedUntil != null && pausedUntil.isAfter(date) ? pausedUntil : date).plusDays(9);
        for (; !date.isAfter(last); date = date.plusDays(1)) {
            if (!on(date.getDayOfWeek()) || pausedOn(date)) {
                continue;
            }
            Instant at = ZonedDateTime.of(date, time, zone).toInstant();
            if (at.isAfter(after)) {
                return at;
            }
        }
        throw new IllegalStateException(
                "no reminder day within a week of " + last); // unreachable: days ≠ 0
    }

    public NudgePlan withSchedule(LocalTime newTime, ZoneId newZone, int newDays) {
        return new NudgePlan(newTime, newZone, newDays, pausedUntil, 0, false);
    }

    public NudgePlan withPausedUntil(@Nullable LocalDate date) {
        return new NudgePlan(time, zone, days, date, 0, false);
    }

    /** A reminder went out: one more ignored if the one before got no reaction either. */
    public NudgePlan sent() {
        return new NudgePlan(time, zone, days, pausedUntil, awaiting ? ignored + 1 : ignored, true);
    }

    /** The user did something: whatever went before was not ignored. */
    public NudgePlan answered() {
        return awaiting || ignored > 0
                ? new NudgePlan(time, zone, days, pausedUntil, 0, false)
                : this;
    }

    public NudgePlan withDays(int newDays) {
        return new NudgePlan(time, zone, newDays, pausedUntil, 0, false);
    }
}
