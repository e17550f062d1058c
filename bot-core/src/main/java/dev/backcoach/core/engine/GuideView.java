package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Step;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import java.util.ArrayList;
import java.util.List;

/** Renders one position of step-by-step guidance with its controls. */
final class GuideView {
    private final Texts texts;
    private final Catalog catalog;

    GuideView(Texts texts) {
        this.texts = texts;
        this.catalog = texts.catalog();
    }

    String title(Guide guide) {
        return guide.kind() == Guide.Kind.TECHNIQUE
                ? catalog.technique(guide.id()).orElseThrow().title()
                : catalog.routine(guide.id()).orElseThrow().title();
    }

    /** The steps to follow; a routine's come from the techniques the user's plan allows. */
    List<Step> steps(Session s, Guide guide) {
        return guide.kind() == Guide.Kind.TECHNIQUE
                ? catalog.technique(guide.id()).orElseThrow().steps()
                : routine(s, guide).steps();
    }

    /**
     * The step shown: a plan redone while a routine was paused may have made the routine shorter.
     */
    static int position(Guide guide, int total) {
        return Math.min(guide.step(), total);
    }

    Reply render(Session s, Guide guide) {
        int seq = s.promptSeq();
        Button next = new Button(texts.get("button.next"), ButtonData.answer(seq, "next"));
        Button stop = new Button(texts.get("button.stop"), ButtonData.answer(seq, "stop"));
        if (guide.step() == 0) {
            return new Reply(introduction(s, guide), List.of(List.of(next, stop)), false);
        }
        List<Step> steps = steps(s, guide);
        int at = position(guide, steps.size());
        Step step = steps.get(at - 1);
        List<Button> tools = new ArrayList<>();
        tools.add(new Button(texts.get("button.repeat"), ButtonData.answer(seq, "rep")));
        if (step.seconds() != null && guide.timerToken() == 0) {
            tools.add(
                    new Button(
                            texts.get("button.timer", "duration", Texts.duration(step.seconds())),
                            ButtonData.answer(seq, "timer")));
        }
        List<List<Button>> rows =
                List.of(
                        List.of(
                                new Button(
                                        texts.get("button.back"), ButtonData.answer(seq, "back")),
                                next),
                        tools,
                        List.of(
                                new Button(
                                        texts.get("button.hurts"), ButtonData.answer(seq, "hurt")),
                                stop));
        String text =
                guide.kind() == Guide.Kind.TECHNIQUE
                        ? texts.get(
                                        "guide.step",
                                        "title",
                                        title(guide),
                                        "step",
                                        at,
                                        "total",
                                        steps.size())
                                + "\n\n"
                                + step.text()
                                + dose(step)
                        : routineStep(routine(s, guide), at);
        return new Reply(text, rows, false);
    }

    /** "⏱ About 5 min in all": the one way a total time is written. */
    String total(int seconds) {
        return texts.get("guide.total", "minutes", Math.max(1, Math.round(seconds / 60f)));
    }

    private RoutineSteps routine(Session s, Guide guide) {
        return RoutineSteps.of(catalog, catalog.routine(guide.id()).orElseThrow(), s.equipment());
    }

    private String introduction(Session s, Guide guide) {
        StringBuilder text = new StringBuilder();
        if (guide.kind() == Guide.Kind.TECHNIQUE) {
            Technique t = catalog.technique(guide.id()).orElseThrow();
            text.append(t.title())
                    .append("\n")
                    .append(t.summary())
                    .append("\n")
                    .append(total(t.totalSeconds()));
            appendCautions(text, t);
        } else {
            RoutineSteps routine = routine(s, guide);
            // Safety-netting first: a routine is where someone settles in for a while.
            text.append(texts.get("safety.emergency_signs"))
                    .append("\n\n")
                    .append(routine.routine().title())
                    .append("\n")
                    .append(routine.routine().intro())
                    .append("\n\n")
                    .append(texts.get("guide.routine_parts"));
            for (RoutineSteps.Part part : routine.parts()) {
                text.append("\n")
                        .append(part.number())
                        .append(". ")
                        .append(part.technique().title())
                        .append(" · ")
                        .append(total(part.technique().totalSeconds()));
            }
            text.append("\n").append(total(routine.totalSeconds()));
        }
        return text.toString();
    }

    /** A routine step; the first step of a part introduces its technique, time and cautions. */
    private String routineStep(RoutineSteps routine, int position) {
        RoutineSteps.Position at = routine.positions().get(position - 1);
        RoutineSteps.Part part = at.part();
        Technique t = part.technique();
        int parts = routine.parts().size();
        StringBuilder text =
                new StringBuilder(
                        texts.get(
                                "guide.routine_step",
                                "title",
                                routine.routine().title(),
                                "part",
                                part.number(),
                                "parts",
                                parts,
                                "technique",
                                t.title(),
                                "step",
                                at.stepInPart(),
                                "total",
                                t.steps().size()));
        if (at.startsPart()) {
            text.append("\n\n")
                    .append(
                            texts.get(
                                    "guide.part",
                                    "part",
                                    part.number(),
                                    "parts",
                                    parts,
                                    "text",
                                    part.text()))
                    .append("\n")
                    .append(t.title())
                    .append(": ")
                    .append(t.summary())
                    .append("\n")
                    .append(total(t.totalSeconds()));
            appendCautions(text, t);
        }
        return text.append("\n\n").append(at.step().text()).append(dose(at.step())).toString();
    }

    private void appendCautions(StringBuilder text, Technique t) {
        text.append("\n\n").append(texts.get("guide.cautions"));
        for (String caution : t.cautions()) {
            text.append("\n• ").append(caution);
        }
    }

    private static String dose(Step step) {
        List<String> dose = new ArrayList<>();
        if (step.seconds() != null) {
            dose.add("⏱ " + Texts.duration(step.seconds()));
        }
        if (step.reps() != null) {
            dose.add(step.reps());
        }
        return dose.isEmpty() ? "" : "\n\n" + String.join(" · ", dose);
    }
}
