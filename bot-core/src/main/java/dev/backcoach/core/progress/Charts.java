package dev.backcoach.core.progress;

import java.util.concurrent.CompletableFuture;

/**
 * Draws a reply's progress chart off the turn path: a platform asks, keeps its messages in order,
 * and sends what comes back. The drawing itself lives outside the core (module bot-chart), so the
 * charting library never reaches the engine.
 */
@FunctionalInterface
public interface Charts {
    /**
     * Never fails and never blocks: the future completes with the picture, or with a short note to
     * send with the text instead (too busy right now, or the drawing went wrong).
     */
    CompletableFuture<Drawn> draw(ProgressHistory history);

    /** What drawing a chart gave. */
    sealed interface Drawn {
        /** A PNG image; its bytes are handed on as they are, never compared. */
        @SuppressWarnings("ArrayRecordComponent")
        record Picture(byte[] png) implements Drawn {}

        /** No picture: the reply's text goes alone, with this note after it. */
        record TextOnly(String note) implements Drawn {}
    }

    /**
     * {@code charts.draw(history)}, held to its promise: a drawing that throws or fails still
     * completes, with the text alone.
     */
    static CompletableFuture<Drawn> drawSafely(Charts charts, ProgressHistory history) {
        try {
            return charts.draw(history).exceptionally(failure -> new Drawn.TextOnly(""));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Drawn.TextOnly(""));
        }
    }

    /** No drawing at all: every chart goes out as its text, with {@code note}. */
    static Charts textOnly(String note) {
        return history -> CompletableFuture.completedFuture(new Drawn.TextOnly(note));
    }
}
