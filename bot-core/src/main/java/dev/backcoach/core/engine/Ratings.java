package dev.backcoach.core.engine;

import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last few stiffness ratings, packed into one int (four bits each, newest lowest, stored as
 * score + 1 so that 0 means "none") so that an idle cached session stays small. The full history
 * goes to the progress log through an effect.
 */
final class Ratings {
    static final int KEPT = 7;

    private Ratings() {}

    /**
     * The user's calendar date: in the reminder's time zone when they set one, so a rating at 23:30
     * in their evening counts for their day, not UTC's.
     */
    static LocalDate today(Session s, Instant now) {
        return LocalDate.ofInstant(now, zone(s));
    }

    /** The zone of the user's days: the reminder's, else the one they gave, else UTC. */
    static java.time.ZoneId zone(Session s) {
        NudgePlan plan = s.nudge();
        return plan != null ? plan.zone() : s.zone() != null ? s.zone() : ZoneOffset.UTC;
    }

    /** The rating already logged today, if any: a new one replaces it. */
    static Optional<Integer> todays(Session s, LocalDate today) {
        return s.ratings() != 0 && s.ratingDay() == (int) today.toEpochDay()
                ? Optional.of((s.ratings() & 0xF) - 1)
                : Optional.empty();
    }

    /** Adds today's rating; a second rating on the same day replaces the first. */
    static Session record(Session s, LocalDate today, int score) {
        int day = (int) today.toEpochDay();
        int packed = s.ratings();
        if (packed != 0 && s.ratingDay() == day) {
            packed >>>= 4;
        }
        packed = ((packed << 4) | (score + 1)) & ((1 << (4 * KEPT)) - 1);
        return s.withRatings(packed, day);
    }

    /** Oldest first. */
    static List<Integer> scores(Session s) {
        List<Integer> newestFirst = new ArrayList<>();
        for (int packed = s.ratings(); packed != 0; packed >>>= 4) {
            newestFirst.add((packed & 0xF) - 1);
        }
        List<Integer> oldestFirst = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            oldestFirst.add(newestFirst.get(i));
        }
        return oldestFirst;
    }
}
