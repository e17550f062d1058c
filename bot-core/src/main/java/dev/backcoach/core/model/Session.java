package dev.backcoach.core.model;

import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Everything the bot keeps about one user between turns. Immutable: each turn returns a new one.
 *
 * @param version incremented on every save; stores reject a save based on an older version
 * @param unreachable the platform refused delivery (the user blocked the bot, closed DMs): nudges
 *     pause until the user writes again
 * @param routeDate when the current route was decided (the check expires after 30 days)
 * @param routeReason the red flag (its screening id) that decided the route, to name the reason for
 *     a block in one line; {@code null} when no flag decided it. Stores keep it only where the
 *     platform allows health details (not on Discord)
 * @param checkInDate when the user last said "no new symptoms" (or finished a check)
 * @param equipment the plan, as {@link dev.backcoach.core.content.Equipment} bits
 * @param paused guidance left midway, offered for resuming
 * @param promptSeq changes whenever the pending question changes; buttons carry it so a button from
 *     an earlier message is recognised as stale
 * @param ratings the last stiffness ratings, packed four bits each (see {@code Ratings})
 * @param ratingDay epoch day of the newest rating
 * @param nudge the evening reminder the user opted in to; {@code null} while off
 * @param zone the user's time zone for the days of their ratings when no reminder gives one: asked
 *     once; {@code null} until then
 * @param habits the recent practice days, the streak and the milestones already shown, packed into
 *     one long so an idle cached session stays small (see {@code Habits}); the full history of
 *     sessions goes to the store through an effect
 * @param language the language the bot speaks to this user; {@code null} until the platform or the
 *     user says
 */
public record Session(
        UserKey user,
        long version,
        boolean adult,
        boolean consented,
        boolean unreachable,
        Route route,
        @Nullable LocalDate routeDate,
        @Nullable String routeReason,
        @Nullable LocalDate checkInDate,
        int equipment,
        Dialogue dialogue,
        @Nullable Guide paused,
        int promptSeq,
        int ratings,
        int ratingDay,
        @Nullable NudgePlan nudge,
        @Nullable ZoneId zone,
        long habits,
        @Nullable Language language) {

    public static Session fresh(UserKey user) {
        return new Session(
                user,
                0,
                false,
                false,
                false,
                Route.UNSCREENED,
                null,
                null,
                null,
                0,
                Dialogue.IDLE,
                null,
                0,
                0,
                0,
                null,
                null,
                0L,
                null);
    }

    public Session withDialogue(Dialogue next) {
        SessionCopy copy = new SessionCopy(this);
        copy.dialogue = next;
        return copy.build();
    }

    public Session withOnboarding(boolean isAdult, boolean hasConsented) {
        SessionCopy copy = new SessionCopy(this);
        copy.adult = isAdult;
        copy.consented = hasConsented;
        return copy.build();
    }

    /**
     * A new route decided today, by no particular flag; it also counts as today's symptom check-in.
     */
    public Session withRoute(Route next, @Nullable LocalDate today) {
        return withRoute(next, today, null);
    }

    /**
     * A new route decided today because of {@code reason} (a screening id, as the check and the
     * typed-message screening use); it also counts as today's symptom check-in.
     */
    public Session withRoute(Route next, @Nullable LocalDate today, @Nullable String reason) {
        SessionCopy copy = new SessionCopy(this);
        copy.route = next;
        copy.routeDate = today;
        copy.routeReason = reason;
        copy.checkInDate = today;
        copy.paused = null;
        return copy.build();
    }

    /** The same session without the route's reason: for stores that must not keep it. */
    public Session withoutRouteReason() {
        SessionCopy copy = new SessionCopy(this);
        copy.routeReason = null;
        return copy.build();
    }

    public Session withCheckIn(LocalDate today) {
        SessionCopy copy = new SessionCopy(this);
        copy.checkInDate = today;
        return copy.build();
    }

    public Session withEquipment(int bits) {
        SessionCopy copy = new SessionCopy(this);
        copy.equipment = bits;
        return copy.build();
    }

    public Session withPaused(@Nullable Guide guide) {
        SessionCopy copy = new SessionCopy(this);
        copy.paused = guide;
        return copy.build();
    }

    public Session withPromptSeq(int seq) {
        SessionCopy copy = new SessionCopy(this);
        copy.promptSeq = seq;
        return copy.build();
    }

    public Session withRatings(int packed, int day) {
        SessionCopy copy = new SessionCopy(this);
        copy.ratings = packed;
        copy.ratingDay = day;
        return copy.build();
    }

    public Session withVersion(long next) {
        SessionCopy copy = new SessionCopy(this);
        copy.version = next;
        return copy.build();
    }

    public Session withUnreachable(boolean isUnreachable) {
        SessionCopy copy = new SessionCopy(this);
        copy.unreachable = isUnreachable;
        return copy.build();
    }

    public Session withNudge(@Nullable NudgePlan plan) {
        SessionCopy copy = new SessionCopy(this);
        copy.nudge = plan;
        return copy.build();
    }

    public boolean onboarded() {
        return adult && consented;
    }

    public Session withZone(@Nullable ZoneId next) {
        SessionCopy copy = new SessionCopy(this);
        copy.zone = next;
        return copy.build();
    }

    public Session withHabits(long packed) {
        SessionCopy copy = new SessionCopy(this);
        copy.habits = packed;
        return copy.build();
    }

    public Session withLanguage(@Nullable Language next) {
        SessionCopy copy = new SessionCopy(this);
        copy.language = next;
        return copy.build();
    }
}
