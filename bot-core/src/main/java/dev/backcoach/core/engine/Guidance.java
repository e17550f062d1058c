package dev.backcoach.core.engine;

import dev.backcoach.core.content.Step;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.Session;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Step-by-step guidance: Next, Back, Repeat, timer, Stop, "It hurts"; and stiffness ratings. */
final class Guidance {
    private final Texts texts;
    private final GuideView view;

    Guidance(Texts texts) {
        this.texts = texts;
        this.view = new GuideView(texts);
    }

    Outcome act(Session s, Guide guide, String action, ChatRef chat) {
        int total = view.steps(guide).size();
        switch (action) {
            case "next":
                return guide.step() >= total ? finish(s, guide) : move(s, guide.atStep(guide.step() + 1));
            case "back":
                return move(s, guide.atStep(Math.max(0, guide.step() - 1)));
            case "rep":
                return Outcome.to(s).replacing();
            case "timer":
                return startTimer(s, guide, chat);
            case "stop":
                return Outcome.to(s.withDialogue(Dialogue.IDLE).withPaused(guide.atStep(guide.step())),
                        texts.get("guide.stopped"));
            case "hurt":
                return Outcome.to(s.withDialogue(new Dialogue.HurtCheck(guide.atStep(guide.step()))));
            default:
                return Outcome.to(s, texts.get("input.stale_button")).markedStale();
        }
    }

    /** A timer for the step the user is still on says so; any other timer is from a step already left. */
    Outcome timerFired(Session s, int token) {
        if (token != 0 && s.dialogue() instanceof Dialogue.Guiding g && g.guide().timerToken() == token) {
            Step step = view.steps(g.guide()).get(g.guide().step() - 1);
            return Outcome.to(s.withDialogue(new Dialogue.Guiding(g.guide().atStep(g.guide().step()))),
                    texts.get("timer.done", "duration", Texts.duration(Objects.requireNonNull(step.seconds()))));
        }
        return Outcome.silent(s);
    }

    Outcome rate(Session s, int score, LocalDate today) {
        Session rated = Ratings.record(s, today, score).withDialogue(Dialogue.IDLE);
        return Outcome.to(rated, texts.get("progress.saved", "score", score), Ratings.trend(texts, rated))
                .with(new Effect.RecordRating(s.user(), today, score));
    }

    private static Outcome move(Session s, Guide to) {
        return Outcome.to(s.withDialogue(new Dialogue.Guiding(to))).replacing();
    }

    private Outcome startTimer(Session s, Guide guide, ChatRef chat) {
        List<Step> steps = view.steps(guide);
        Integer timed = guide.step() == 0 ? null : steps.get(guide.step() - 1).seconds();
        if (timed == null || guide.timerToken() != 0) {
            return Outcome.to(s);
        }
        int seconds = timed;
        // The dialogue changes, so the engine moves the prompt sequence to exactly this value.
        int token = s.promptSeq() + 1;
        return Outcome.to(s.withDialogue(new Dialogue.Guiding(guide.withTimer(token))),
                        texts.get("timer.started", "duration", Texts.duration(seconds)))
                .with(new Effect.StartTimer(s.user(), chat, token, Duration.ofSeconds(seconds)));
    }

    private Outcome finish(Session s, Guide guide) {
        String key = guide.kind() == Guide.Kind.TECHNIQUE ? "guide.done_technique" : "guide.done_routine";
        return Outcome.to(s.withDialogue(Dialogue.IDLE).withPaused(null), texts.get(key, "title", view.title(guide)));
    }
}
