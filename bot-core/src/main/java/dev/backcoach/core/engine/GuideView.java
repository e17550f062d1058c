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

    List<Step> steps(Guide guide) {
        return guide.kind() == Guide.Kind.TECHNIQUE
                ? catalog.technique(guide.id()).orElseThrow().steps()
                : catalog.routine(guide.id()).orElseThrow().steps();
    }

    Reply render(Session s, Guide guide) {
        int seq = s.promptSeq();
        Button next = new Button(texts.get("button.next"), ButtonData.answer(seq, "next"));
        Button stop = new Button(texts.get("button.stop"), ButtonData.answer(seq, "stop"));
        if (guide.step() == 0) {
            return new Reply(introduction(guide), List.of(List.of(next, stop)), false);
        }
        Step step = steps(guide).get(guide.step() - 1);
        List<Button> tools = new ArrayList<>();
        tools.add(new Button(texts.get("button.repeat"), ButtonData.answer(seq, "rep")));
        if (step.seconds() != null && guide.timerToken() == 0) {
            tools.add(new Button(texts.get("button.timer", "duration", Texts.duration(step.seconds())),
                    ButtonData.answer(seq, "timer")));
        }
        List<List<Button>> rows = List.of(
                List.of(new Button(texts.get("button.back"), ButtonData.answer(seq, "back")), next),
                tools,
                List.of(new Button(texts.get("button.hurts"), ButtonData.answer(seq, "hurt")), stop));
        return new Reply(stepText(s, guide, step), rows, false);
    }

    private String introduction(Guide guide) {
        StringBuilder text = new StringBuilder();
        if (guide.kind() == Guide.Kind.TECHNIQUE) {
            Technique t = catalog.technique(guide.id()).orElseThrow();
            text.append(t.title()).append("\n").append(t.summary()).append("\n\n").append(texts.get("guide.cautions"));
            for (String caution : t.cautions()) {
                text.append("\n• ").append(caution);
            }
        } else {
            var routine = catalog.routine(guide.id()).orElseThrow();
            text.append(routine.title()).append("\n").append(routine.intro());
        }
        return text.toString();
    }

    private String stepText(Session s, Guide guide, Step step) {
        StringBuilder text = new StringBuilder(texts.get("guide.step",
                "title", title(guide), "step", guide.step(), "total", steps(guide).size()));
        text.append("\n\n").append(step.text());
        if (!step.options().isEmpty()) {
            Technique chosen = Plans.choose(catalog, step, s.equipment());
            text.append("\n\n→ ").append(chosen.title()).append(": ").append(chosen.summary());
        }
        List<String> dose = new ArrayList<>();
        if (step.seconds() != null) {
            dose.add("⏱ " + Texts.duration(step.seconds()));
        }
        if (step.reps() != null) {
            dose.add(step.reps());
        }
        if (!dose.isEmpty()) {
            text.append("\n\n").append(String.join(" · ", dose));
        }
        return text.toString();
    }
}
