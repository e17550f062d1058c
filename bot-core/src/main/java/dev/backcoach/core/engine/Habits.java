package dev.backcoach.core.engine;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Practice habits, packed into the session's one long so an idle cached session stays small: the
 * day of the latest session (16 bits of epoch day, good until 2149), sessions on each of the last
 * 14 days (2 bits each, counting to 3), the milestones already shown (3 bits) and the streak of
 * consecutive days with a session (16 bits). The full history goes to the store by an effect.
 *
 * <p>Milestones count at most three sessions a day: a habit is a rhythm over days, and one long
 * sitting should not stand in for it. A missed day is never mentioned.
 */
final class Habits {
    /** The milestones, each shown once, in the order they are reached. */
    enum Milestone {
        FIRST("habits.first", 0),
        THREE_IN_A_WEEK("habits.week", 1),
        SIX_IN_TWO_WEEKS("habits.two_weeks", 2);

        final String key;

        /** Its bit among the milestones shown: fixed, as it is stored. */
        final int bit;

        Milestone(String key, int bit) {
            this.key = key;
            this.bit = bit;
        }
    }

    static final int DAYS_KEPT = 14;
    private static final long DAY_MASK = 0xFFFFL;
    private static final int COUNTS_SHIFT = 16;
    private static final long COUNTS_MASK = (1L << (2 * DAYS_KEPT)) - 1;
    private static final int SHOWN_SHIFT = COUNTS_SHIFT + 2 * DAYS_KEPT;
    private static final int STREAK_SHIFT = SHOWN_SHIFT + 3;
    private static final long STREAK_MAX = 0xFFFFL;

    private Habits() {}

    /** A technique or routine finished on {@code today}: counted, and the streak moved on. */
    static long record(long packed, LocalDate today) {
        int day = (int) (today.toEpochDay() & DAY_MASK);
        long counts = counts(packed);
        long streak = streakField(packed);
        if (counts == 0 && streak == 0) {
            return pack(day, 1, shown(packed), 1);
        }
        long shift = today.toEpochDay() - latest(packed).toEpochDay();
        if (shift < 0) {
            // The user moved to a zone behind: their "today" is a day already counted.
            return pack(latestDay(packed), add(counts, (int) -shift), shown(packed), streak);
        }
        counts = shift >= DAYS_KEPT ? 0 : (counts << (2 * shift)) & COUNTS_MASK;
        streak = shift == 0 ? Math.max(1, streak) : shift == 1 ? streak + 1 : 1;
        return pack(day, add(counts, 0), shown(packed), Math.min(STREAK_MAX, streak));
    }

    /**
     * The milestone just reached that was not shown before (at most one), and the habits with it
     * marked as shown.
     */
    static Optional<Milestone> reached(long packed, LocalDate today) {
        for (Milestone m : Milestone.values()) {
            if ((shown(packed) & (1L << m.bit)) == 0 && reachedNow(packed, today, m)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    static long markShown(long packed, Milestone m) {
        return packed | (1L << (SHOWN_SHIFT + m.bit));
    }

    /** Milestones shown so far, for /export. */
    static java.util.List<Milestone> shownMilestones(long packed) {
        return java.util.Arrays.stream(Milestone.values())
                .filter(m -> (shown(packed) & (1L << m.bit)) != 0)
                .toList();
    }

    /** The packed habits spelled out, for a person reading their /export file. */
    static java.util.Map<String, Object> describe(long packed) {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        boolean any = counts(packed) != 0 || streakField(packed) != 0;
        out.put("latest_session_day", any ? latest(packed).toString() : "");
        out.put("streak_days", streakField(packed));
        out.put(
                "milestones_shown",
                shownMilestones(packed).stream()
                        .map(m -> m.name().toLowerCase(java.util.Locale.ROOT))
                        .toList());
        return out;
    }

    private static boolean reachedNow(long packed, LocalDate today, Milestone m) {
        switch (m) {
            case FIRST:
                return sessionsWithin(packed, today, DAYS_KEPT) >= 1;
            case THREE_IN_A_WEEK:
                return sessionsWithin(packed, today, 7) >= 3;
            default:
                return sessionsWithin(packed, today, DAYS_KEPT) >= 6;
        }
    }

    /** Sessions (at most three a day) on the {@code days} days ending today. */
    static int sessionsWithin(long packed, LocalDate today, int days) {
        long age = today.toEpochDay() - latest(packed).toEpochDay();
        if (counts(packed) == 0 || age < 0 || age >= days) {
            return 0;
        }
        long counts = counts(packed);
        int sum = 0;
        for (int k = 0; k < days - age && k < DAYS_KEPT; k++) {
            sum += (int) ((counts >>> (2 * k)) & 3);
        }
        return sum;
    }

    /**
     * Consecutive days with a session, ending today or yesterday (today's may still come); 0 when
     * the latest session is older.
     */
    static int streak(long packed, LocalDate today) {
        long age = today.toEpochDay() - latest(packed).toEpochDay();
        return counts(packed) == 0 || age > 1 || age < 0 ? 0 : (int) streakField(packed);
    }

    private static LocalDate latest(long packed) {
        // Only 16 bits are kept: the latest session is the most recent such day not after 2149.
        return LocalDate.ofEpochDay(latestDay(packed));
    }

    private static int latestDay(long packed) {
        return (int) (packed & DAY_MASK);
    }

    private static long counts(long packed) {
        return (packed >>> COUNTS_SHIFT) & COUNTS_MASK;
    }

    private static long shown(long packed) {
        return (packed >>> SHOWN_SHIFT) & 0b111;
    }

    private static long streakField(long packed) {
        return (packed >>> STREAK_SHIFT) & STREAK_MAX;
    }

    /** One more session on the day {@code age} days before the latest, counting to three. */
    private static long add(long counts, int age) {
        if (age >= DAYS_KEPT) {
            return counts;
        }
        long field = (counts >>> (2 * age)) & 3;
        return field == 3 ? counts : counts + (1L << (2 * age));
    }

    private static long pack(int day, long counts, long shown, long streak) {
        return (day & DAY_MASK)
                | (counts << COUNTS_SHIFT)
                | (shown << SHOWN_SHIFT)
                | (streak << STREAK_SHIFT);
    }
}
