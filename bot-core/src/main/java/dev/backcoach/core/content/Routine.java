package dev.backcoach.core.content;

import java.util.List;

/** A morning or evening routine: steps with timings, some pointing at techniques. */
public record Routine(String id, String title, String intro, List<Step> steps) {
    public Routine {
        steps = List.copyOf(steps);
    }
}
