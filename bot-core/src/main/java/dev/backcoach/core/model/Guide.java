package dev.backcoach.core.model;

/**
 * A position in step-by-step guidance. Step 0 is the introduction with the cautions; steps 1..n are
 * the technique's steps, or for a routine the steps of the techniques its parts use, one after
 * another (chosen from the plan each turn, so only the position is kept).
 *
 * @param timerToken non-zero while a step timer runs; a {@link Inbound.TimerFired} with another
 *     token is from a step the user has already left
 */
public record Guide(Kind kind, String id, int step, int timerToken) {
    public enum Kind {
        TECHNIQUE,
        ROUTINE
    }

    public Guide atStep(int newStep) {
        return new Guide(kind, id, newStep, 0);
    }

    public Guide withTimer(int token) {
        return new Guide(kind, id, step, token);
    }
}
