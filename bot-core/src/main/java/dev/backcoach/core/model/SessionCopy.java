package dev.backcoach.core.model;

import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A mutable copy of a {@link Session}, so that each of its {@code with…} methods names only the
 * fields it changes instead of repeating all of them.
 */
final class SessionCopy {
    UserKey user;
    long version;
    boolean adult;
    boolean consented;
    boolean unreachable;
    Route route;
    @Nullable LocalDate routeDate;
    @Nullable String routeReason;
    @Nullable LocalDate checkInDate;
    int equipment;
    Dialogue dialogue;
    @Nullable Guide paused;
    int promptSeq;
    int ratings;
    int ratingDay;
    @Nullable NudgePlan nudge;
    @Nullable ZoneId zone;
    long habits;
    @Nullable Language language;

    SessionCopy(Session session) {
        user = session.user();
        version = session.version();
        adult = session.adult();
        consented = session.consented();
        unreachable = session.unreachable();
        route = session.route();
        routeDate = session.routeDate();
        routeReason = session.routeReason();
        checkInDate = session.checkInDate();
        equipment = session.equipment();
        dialogue = session.dialogue();
        paused = session.paused();
        promptSeq = session.promptSeq();
        ratings = session.ratings();
        ratingDay = session.ratingDay();
        nudge = session.nudge();
        zone = session.zone();
        habits = session.habits();
        language = session.language();
    }

    Session build() {
        return new Session(
                user,
                version,
                adult,
                consented,
                unreachable,
                route,
                routeDate,
                routeReason,
                checkInDate,
                equipment,
                dialogue,
                paused,
                promptSeq,
                ratings,
                ratingDay,
                nudge,
                zone,
                habits,
                language);
    }
}
