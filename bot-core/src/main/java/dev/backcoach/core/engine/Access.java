package dev.backcoach.core.engine;

import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The gate in front of guidance: onboarding, the route, its expiry and the symptom check-in.
 * Intents: {@code techniques}, {@code techniques:<id>}, {@code routine}, {@code routine:<id>},
 * {@code resume}, {@code progress}.
 */
final class Access {
    /** A route older than this is re-checked before more guidance. */
    static final int ROUTE_VALID_DAYS = 30;

    /** After this many days away, ask "any new symptoms?" before guidance. */
    static final int CHECK_IN_AFTER_DAYS = 7;

    private final Texts texts;

    Access(Texts texts) {
        this.texts = texts;
    }

    Outcome onboard(Session s, String... notes) {
        Dialogue next = s.adult() ? new Dialogue.AskConsent() : new Dialogue.AskAdult();
        return Outcome.to(s.withDialogue(next), notes);
    }

    Outcome begin(Session s, LocalDate today, String intent) {
        return gate(s, today, intent).orElseGet(() -> proceed(s, intent));
    }

    /** What stands between the user and the intent (onboarding, the route, a check-in), if any. */
    java.util.Optional<Outcome> gate(Session s, LocalDate today, String intent) {
        return java.util.Optional.ofNullable(blocked(s, today, intent));
    }

    private @org.jspecify.annotations.Nullable Outcome blocked(
            Session s, LocalDate today, String intent) {
        if (!s.onboarded()) {
            return onboard(s, texts.get("onboarding.needed"));
        }
        Route route = s.route();
        if (route == Route.EMERGENCY) {
            return Outcome.only(
                    s.withDialogue(Dialogue.IDLE),
                    RouteReason.prefixed(texts, s, "outcome.emergency_locked"));
        } else if (route == Route.UNSCREENED) {
            return Outcome.to(s.withDialogue(Dialogue.IDLE), texts.get("techniques.need_check"));
        } else if (route == Route.SEE_CLINICIAN) {
            return Outcome.to(
                    s.withDialogue(Dialogue.IDLE),
                    RouteReason.prefixed(texts, s, "techniques.locked_clinician"));
        } else if (route == Route.CLEAR_FIRST) {
            return Outcome.to(
                    s.withDialogue(new Dialogue.AskClearance()),
                    RouteReason.prefixed(texts, s, "techniques.locked_clear_first"));
        }
        long routeAge =
                s.routeDate() == null
                        ? Long.MAX_VALUE
                        : ChronoUnit.DAYS.between(s.routeDate(), today);
        if (routeAge >= ROUTE_VALID_DAYS) {
            return Outcome.to(
                    s.withDialogue(new Dialogue.Screening(0)).withPaused(null),
                    texts.get("techniques.route_expired", "days", routeAge),
                    texts.get("check.intro"));
        }
        long sinceCheckIn =
                s.checkInDate() == null
                        ? Long.MAX_VALUE
                        : ChronoUnit.DAYS.between(s.checkInDate(), today);
        if (sinceCheckIn >= CHECK_IN_AFTER_DAYS && !intent.startsWith("progress")) {
            return Outcome.to(s.withDialogue(new Dialogue.SymptomCheckIn(intent)));
        }
        return null;
    }

    /** Where the intent leads once the gate is passed. */
    Outcome proceed(Session s, String intent) {
        int colon = intent.indexOf(':');
        String kind = colon < 0 ? intent : intent.substring(0, colon);
        String id = colon < 0 ? "" : intent.substring(colon + 1);
        switch (kind) {
            case "resume":
                if (s.paused() != null) {
                    return Outcome.to(
                            s.withDialogue(new Dialogue.Guiding(s.paused())).withPaused(null),
                            texts.get("guide.resumed"));
                }
                return Outcome.to(s.withDialogue(new Dialogue.ChoosingTechnique()));
            case "techniques":
                return id.isEmpty()
                        ? Outcome.to(s.withDialogue(new Dialogue.ChoosingTechnique()))
                        : start(s, new Guide(Guide.Kind.TECHNIQUE, id, 0, 0));
            case "routine":
                return id.isEmpty()
                        ? Outcome.to(s.withDialogue(new Dialogue.ChoosingRoutine()))
                        : start(s, new Guide(Guide.Kind.ROUTINE, id, 0, 0));
            case "progress":
                if (ZoneQuestion.needed(s)) {
                    return ZoneQuestion.ask(s);
                }
                if (id.equals("week")) {
                    return Outcome.to(s).with(new Effect.ShowProgress(s.user(), true, ""));
                }
                // The service puts the progress (with its chart) before the rating question.
                return Outcome.to(s.withDialogue(new Dialogue.Rating()))
                        .with(new Effect.ShowProgress(s.user(), false, ""));
            default:
                throw new IllegalArgumentException("unknown intent " + intent);
        }
    }

    private static Outcome start(Session s, Guide guide) {
        return Outcome.to(s.withDialogue(new Dialogue.Guiding(guide)).withPaused(null));
    }
}
