package dev.backcoach.core.engine;

import dev.backcoach.core.content.Step;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.Session;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Step-by-step guidance: Next, Back, Repeat, timer, Stop, "It hurts"; and stiffness ratings. */
final class Guidance {
    private final Texts texts;
    private final GuideView view;

    Guidance(Texts texts) {
        this.texts = texts;
        this.view = new GuideView(texts);
    }

    Outcome act(Session s, Guide guide, String action, ChatRef chat, LocalDate today) {
        int total = view.steps(s, guide).size();
        int at = GuideView.position(guide, total);
        switch (action) {
            case "next":
                return at >= total ? finish(s, guide, today) : move(s, guide.atStep(at + 1));
            case "back":
                return move(s, guide.atStep(Math.max(0, at - 1)));
            case "rep":
                // Sent anew rather than edited in place: an identical edit would show nothing at
                // all.
                return Outcome.to(s);
            case "timer":
                return startTimer(s, guide, chat);
            case "stop":
                return Outcome.to(
                        s.withDialogue(Dialogue.IDLE).withPaused(guide.atStep(guide.step())),
                        texts.get("guide.stopped"));
            case "hurt":
                return Outcome.to(
                        s.withDialogue(new Dialogue.HurtCheck(guide.atStep(guide.step()))));
            default:
                return Outcome.to(s, texts.get("input.stale_button")).markedStale();
        }
    }

    /**
     * A timer the user set always says when time is up. On the step it was set for, that step is
     * shown again with its buttons; anywhere else (idle, another step or technique) only a short
     * note comes, and whatever the user is doing stays as it is.
     */
    Outcome timerFired(Session s, int token) {
        if (token == 0 || !s.route().allowsTechniques()) {
            return Outcome.silent(s);
        }
        if (s.dialogue() instanceof Dialogue.Guiding g && g.guide().timerToken() == token) {
            List<Step> steps = view.steps(s, g.guide());
            Step step = steps.get(GuideView.position(g.guide(), steps.size()) - 1);
            return Outcome.to(
                    s.withDialogue(new Dialogue.Guiding(g.guide().atStep(g.guide().step()))),
                    texts.get(
                            "timer.done",
                            "duration",
                            Texts.duration(Objects.requireNonNull(step.seconds()))));
        }
        return Outcome.only(s, texts.get("timer.done_elsewhere"));
    }

    Outcome rate(Session s, int score, LocalDate today) {
        Session rated = Ratings.record(s, today, score).withDialogue(Dialogue.IDLE);
        String saved =
                Ratings.todays(s, today)
                        .map(was -> texts.get("progress.updated", "score", score, "was", was))
                        .orElseGet(() -> texts.get("progress.saved", "score", score));
        // The service puts the saved note and the progress (with its chart) first, once committed.
        return Outcome.to(rated)
                .with(new Effect.RecordRating(s.user(), today, score))
                .with(new Effect.ShowProgress(s.user(), false, saved));
    }

    private static Outcome move(Session s, Guide to) {
        return Outcome.to(s.withDialogue(new Dialogue.Guiding(to))).replacing();
    }

    private Outcome startTimer(Session s, Guide guide, ChatRef chat) {
        List<Step> steps = view.steps(s, guide);
        int at = GuideView.position(guide, steps.size());
        Integer timed = at == 0 ? null : steps.get(at - 1).seconds();
        if (timed == null || guide.timerToken() != 0) {
            return Outcome.to(s);
        }
        int seconds = timed;
        // The dialogue changes, so the engine moves the prompt sequence to exactly this value.
        int token = s.promptSeq() + 1;
        return Outcome.to(
                        s.withDialogue(new Dialogue.Guiding(guide.withTimer(token))),
                        texts.get("timer.started", "duration", Texts.duration(seconds)))
                .with(new Effect.StartTimer(s.user(), chat, token, Duration.ofSeconds(seconds)));
    }

    /** A technique or routine finished to its last step: a session for the user's habits. */
    private Outcome finish(Session s, Guide guide, LocalDate today) {
        String key =
                guide.kind() == Guide.Kind.TECHNIQUE
                        ? "guide.done_technique"
                        : "guide.done_routine";
        long habits = Habits.record(s.habits(), today);
        Optional<Habits.Milestone> milestone = Habits.reached(habits, today);
        List<String> notes = new ArrayList<>();
        notes.add(texts.get(key, "title", view.title(guide)));
        if (milestone.isPresent()) {
            habits = Habits.markShown(habits, milestone.get());
            notes.add(texts.get(milestone.get().key));
        }
        // Straight to "how stiff now?": the moment a rating means most, one tap away.
        return Outcome.to(
                        s.withHabits(habits).withDialogue(new Dialogue.Rating()).withPaused(null),
                        notes.toArray(String[]::new))
                .with(new Effect.RecordSession(s.user(), today));
    }
}
