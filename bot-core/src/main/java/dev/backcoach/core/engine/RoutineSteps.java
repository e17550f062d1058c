package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Routine;
import dev.backcoach.core.content.Step;
import dev.backcoach.core.content.Technique;
import java.util.ArrayList;
import java.util.List;

/**
 * A routine as one user follows it: for each part the first technique their plan allows, and that
 * technique's own steps one after another. Derived from the plan on every turn, so only the
 * position is stored, and a changed plan changes the routine.
 */
record RoutineSteps(Routine routine, List<Part> parts, List<Position> positions) {

    /** One part of the routine with the technique chosen for it; {@code number} counts from 1. */
    record Part(int number, String text, Technique technique) {}

    /** One step to follow: {@code stepInPart} counts from 1 within the part's technique. */
    record Position(Part part, int stepInPart, Step step) {
        boolean startsPart() {
            return stepInPart == 1;
        }
    }

    static RoutineSteps of(Catalog catalog, Routine routine, int equipment) {
        List<Part> parts = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        for (Step partStep : routine.steps()) {
            Part part =
                    new Part(
                            parts.size() + 1,
                            partStep.text(),
                            Plans.choose(catalog, partStep, equipment));
            parts.add(part);
            List<Step> steps = part.technique().steps();
            for (int i = 0; i < steps.size(); i++) {
                positions.add(new Position(part, i + 1, steps.get(i)));
            }
        }
        return new RoutineSteps(routine, List.copyOf(parts), List.copyOf(positions));
    }

    List<Step> steps() {
        return positions.stream().map(Position::step).toList();
    }

    int totalSeconds() {
        return parts.stream().mapToInt(p -> p.technique().totalSeconds()).sum();
    }
}
