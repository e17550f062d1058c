package dev.backcoach.core.engine;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import java.time.LocalDate;

/**
 * Answers to the pending question (buttons carrying the current prompt sequence). An action that
 * does not belong to the pending question is treated like a stale button.
 */
final class Answers {
    private final Texts texts;
    private final Access access;
    private final Guidance guidance;
    private final SafetyCheck check;
    private final PlanScreen plan;

    Answers(Texts texts, Access access, Guidance guidance, SafetyCheck check, PlanScreen plan) {
        this.texts = texts;
        this.access = access;
        this.guidance = guidance;
        this.check = check;
        this.plan = plan;
    }

    Outcome handle(Session s, String action, ChatRef chat, LocalDate today) {
        Dialogue d = s.dialogue();
        boolean yes = action.equals("y");
        boolean yesNo = yes || action.equals("n");
        if (d instanceof Dialogue.Guiding g) {
            return guidance.act(s, g.guide(), action, chat, today);
        } else if (d instanceof Dialogue.Rating && action.matches("v(10|[0-9])")) {
            return guidance.rate(s, Integer.parseInt(action.substring(1)), today);
        } else if (d instanceof Dialogue.Settings
                && (action.equals("changed") || action.equals("plan"))) {
            return settings(s, action);
        } else if (d instanceof Dialogue.Check) {
            return check.answer(s, action, today);
        } else if (d instanceof Dialogue.Planning p) {
            return plan.answer(s, p, action);
        } else if (!yesNo) {
            return stale(s);
        } else if (d instanceof Dialogue.AskAdult) {
            return yes
                    ? Outcome.to(
                            s.withOnboarding(true, false).withDialogue(new Dialogue.AskConsent()))
                    // No menu after this: nothing here is for them, not even a "Let's start".
                    : Outcome.only(
                            s.withOnboarding(false, false).withDialogue(Dialogue.IDLE),
                            texts.get("start.minor"));
        } else if (d instanceof Dialogue.AskConsent) {
            // Straight into the check: one tap fewer on the way to the first technique.
            return yes
                    ? check.begin(
                            s.withOnboarding(true, true),
                            texts.get("start.ready"),
                            texts.get("check.intro"))
                    // Declining consent keeps nothing: the user is forgotten, as after /forget.
                    : Outcome.to(Session.fresh(s.user()), texts.get("start.consent_declined"))
                            .with(new Effect.Forget(s.user()));
        } else if (d instanceof Dialogue.AskClearance) {
            if (!yes) {
                return Outcome.to(s.withDialogue(Dialogue.IDLE), texts.get("clear_first.not_yet"));
            }
            Session cleared = s.withRoute(Route.CLEARED, today);
            // A plan made before stays: redoing it is one button away in /settings.
            return Plans.exists(s.equipment())
                    ? Outcome.to(
                            cleared.withDialogue(new Dialogue.ChoosingTechnique()),
                            texts.get("clear_first.cleared_kept"))
                    : Outcome.to(
                            cleared.withDialogue(new Dialogue.Planning(0)),
                            texts.get("clear_first.cleared"));
        } else if (d instanceof Dialogue.SymptomCheckIn c) {
            // New symptoms: no guidance until a new check says it is safe, even if the check is
            // left midway.
            return yes
                    ? check.begin(
                            s.withRoute(Route.UNSCREENED, null),
                            texts.get("settings.symptoms_changed"),
                            texts.get("check.intro"))
                    : access.proceed(s.withCheckIn(today), c.then());
        } else if (d instanceof Dialogue.HurtCheck h) {
            return yes
                    ? Outcome.to(
                            s.withRoute(Route.SEE_CLINICIAN, today).withDialogue(Dialogue.IDLE),
                            texts.get("hurt.radiating"))
                    : Outcome.to(s.withDialogue(new Dialogue.EaseOff(h.guide())));
        } else if (d instanceof Dialogue.ConfirmForget) {
            return yes
                    ? Outcome.only(Session.fresh(s.user()), texts.get("forget.done"))
                            .with(new Effect.Forget(s.user()))
                    : Outcome.to(s.withDialogue(Dialogue.IDLE), texts.get("forget.cancelled"));
        } else if (d instanceof Dialogue.EaseOff e) {
            return yes
                    ? Outcome.to(
                            s.withDialogue(new Dialogue.Guiding(e.guide())),
                            texts.get("guide.resumed"))
                    : Outcome.to(
                            s.withDialogue(Dialogue.IDLE).withPaused(e.guide()),
                            texts.get("guide.stopped"));
        }
        return stale(s);
    }

    Outcome stale(Session s) {
        return Outcome.to(s, texts.get("input.stale_button")).markedStale();
    }

    private Outcome settings(Session s, String action) {
        if (action.equals("changed")) {
            // A red-flag route stays until a check says the sign has gone (the check then asks
            // about it).
            Session reset = s.route().allowsTechniques() ? s.withRoute(Route.UNSCREENED, null) : s;
            return check.begin(
                    reset, texts.get("settings.symptoms_changed"), texts.get("check.intro"));
        }
        if (!s.route().allowsTechniques()) {
            return Outcome.to(s.withDialogue(Dialogue.IDLE), texts.get("routine.locked"));
        }
        return Outcome.to(s.withDialogue(new Dialogue.Planning(s.equipment())));
    }
}
