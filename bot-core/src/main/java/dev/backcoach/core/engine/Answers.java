package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.ScreeningQuestion;
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
    private final Catalog catalog;
    private final Access access;
    private final Guidance guidance;

    Answers(Texts texts, Access access, Guidance guidance) {
        this.texts = texts;
        this.catalog = texts.catalog();
        this.access = access;
        this.guidance = guidance;
    }

    Outcome handle(Session s, String action, ChatRef chat, LocalDate today) {
        Dialogue d = s.dialogue();
        boolean yes = action.equals("y");
        boolean yesNo = yes || action.equals("n");
        if (d instanceof Dialogue.Guiding g) {
            return guidance.act(s, g.guide(), action, chat);
        } else if (d instanceof Dialogue.Rating && action.matches("v(10|[0-9])")) {
            return guidance.rate(s, Integer.parseInt(action.substring(1)), today);
        } else if (d instanceof Dialogue.Settings && (action.equals("changed") || action.equals("plan"))) {
            return settings(s, action);
        } else if (d instanceof Dialogue.Screening) {
            return screeningAnswer(s, action, today);
        } else if (!yesNo) {
            return stale(s);
        } else if (d instanceof Dialogue.AskAdult) {
            return yes
                    ? Outcome.to(s.withOnboarding(true, false).withDialogue(new Dialogue.AskConsent()))
                    : Outcome.to(s.withOnboarding(false, false).withDialogue(Dialogue.IDLE), texts.get("start.minor"));
        } else if (d instanceof Dialogue.AskConsent) {
            return yes
                    ? Outcome.to(s.withOnboarding(true, true).withDialogue(Dialogue.IDLE), texts.get("start.ready"))
                    // Declining consent keeps nothing: the user is forgotten, as after /forget.
                    : Outcome.to(Session.fresh(s.user()), texts.get("start.consent_declined"))
                            .with(new Effect.Forget(s.user()));
        } else if (d instanceof Dialogue.AskClearance) {
            return yes
                    ? Outcome.to(s.withRoute(Route.CLEARED, today).withDialogue(new Dialogue.Planning(0, 0)),
                            texts.get("clear_first.cleared"))
                    : Outcome.to(s.withDialogue(Dialogue.IDLE), texts.get("clear_first.not_yet"));
        } else if (d instanceof Dialogue.Planning p) {
            return planning(s, p, yes);
        } else if (d instanceof Dialogue.SymptomCheckIn c) {
            return yes
                    ? Outcome.to(s.withDialogue(new Dialogue.Screening(0)).withPaused(null),
                            texts.get("settings.symptoms_changed"), texts.get("check.intro"))
                    : access.proceed(s.withCheckIn(today), c.then());
        } else if (d instanceof Dialogue.HurtCheck h) {
            return yes
                    ? Outcome.to(s.withRoute(Route.SEE_CLINICIAN, today).withDialogue(Dialogue.IDLE),
                            texts.get("hurt.radiating"))
                    : Outcome.to(s.withDialogue(new Dialogue.EaseOff(h.guide())));
        } else if (d instanceof Dialogue.ConfirmForget) {
            return yes
                    ? Outcome.only(Session.fresh(s.user()), texts.get("forget.done")).with(new Effect.Forget(s.user()))
                    : Outcome.to(s.withDialogue(Dialogue.IDLE), texts.get("forget.cancelled"));
        } else if (d instanceof Dialogue.EaseOff e) {
            return yes
                    ? Outcome.to(s.withDialogue(new Dialogue.Guiding(e.guide())), texts.get("guide.resumed"))
                    : Outcome.to(s.withDialogue(Dialogue.IDLE).withPaused(e.guide()), texts.get("guide.stopped"));
        }
        return stale(s);
    }

    Outcome stale(Session s) {
        return Outcome.to(s, texts.get("input.stale_button")).markedStale();
    }

    /**
     * A screening answer names its question ({@code n7}: "No" to question 7). The stored session
     * does not know the question (answers are never stored), so after a reload or on another
     * instance the button the user pressed says which question they answered; the unchanged prompt
     * sequence proves it is the question currently asked.
     */
    private Outcome screeningAnswer(Session s, String action, LocalDate today) {
        if (!action.matches("[yn]\\d{1,3}")) {
            return stale(s);
        }
        int index = Integer.parseInt(action.substring(1));
        if (index >= catalog.screening().size()) {
            return stale(s);
        }
        return screening(s, index, action.charAt(0) == 'y', today);
    }

    /** The first "Yes" decides: questions run in tier order, most urgent first. */
    private Outcome screening(Session s, int index, boolean yes, LocalDate today) {
        if (yes) {
            ScreeningQuestion question = catalog.screening().get(index);
            switch (question.tier()) {
                case EMERGENCY:
                    return Outcome.only(s.withRoute(Route.EMERGENCY, today).withDialogue(Dialogue.IDLE),
                            texts.get("outcome.emergency"));
                case SEE_CLINICIAN:
                    return Outcome.to(s.withRoute(Route.SEE_CLINICIAN, today).withDialogue(Dialogue.IDLE),
                            texts.get("outcome.see_clinician"));
                default:
                    return Outcome.to(s.withRoute(Route.CLEAR_FIRST, today).withDialogue(new Dialogue.AskClearance()),
                            texts.get("outcome.clear_first"));
            }
        }
        if (index + 1 < catalog.screening().size()) {
            return Outcome.to(s.withDialogue(new Dialogue.Screening(index + 1)));
        }
        return Outcome.to(s.withRoute(Route.SELF_CARE, today).withDialogue(new Dialogue.Planning(0, 0)),
                texts.get("outcome.self_care"));
    }

    private Outcome planning(Session s, Dialogue.Planning p, boolean yes) {
        int bits = yes ? p.bits() | catalog.plan().get(p.index()).equipment().bit() : p.bits();
        if (p.index() + 1 < catalog.plan().size()) {
            return Outcome.to(s.withDialogue(new Dialogue.Planning(p.index() + 1, bits)));
        }
        return Outcome.to(s.withEquipment(bits).withDialogue(new Dialogue.ChoosingTechnique()),
                texts.get("plan.done"));
    }

    private Outcome settings(Session s, String action) {
        if (action.equals("changed")) {
            return Outcome.to(s.withRoute(Route.UNSCREENED, null).withDialogue(new Dialogue.Screening(0)),
                    texts.get("settings.symptoms_changed"), texts.get("check.intro"));
        }
        if (!s.route().allowsTechniques()) {
            return Outcome.to(s.withDialogue(Dialogue.IDLE), texts.get("routine.locked"));
        }
        return Outcome.to(s.withDialogue(new Dialogue.Planning(0, 0)));
    }
}
