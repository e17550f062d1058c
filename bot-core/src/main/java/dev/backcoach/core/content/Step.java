package dev.backcoach.core.content;

import org.jspecify.annotations.Nullable;

/**
 * One step of guided practice.
 *
 * @param seconds length of the step's timer, or null when the step is not timed
 * @param reps how many times, in words ("6–8 strokes"), or null
 * @param options for routine steps: technique ids in order of preference; the first one the user's
 *     plan allows is suggested (the last should need nothing). Empty for techniques.
 */
public record Step(
        String text,
        @Nullable Integer seconds,
        @Nullable String reps,
        java.util.List<String> options) {
    public Step {
        options = options == null ? java.util.List.of() : java.util.List.copyOf(options);
    }
}
