package dev.backcoach.telegram;

import dev.backcoach.core.progress.Charts;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * A chart is drawn off the turn path; its call holds the chat's place in the outbox meanwhile
 * (later messages wait behind it, other chats do not) and goes as a photo, or as its text and a
 * note when no picture came (see {@link Charts}).
 */
final class ChartSend {
    private ChartSend() {}

    static CompletableFuture<Void> submit(
            Outbox outbox,
            Render render,
            Charts charts,
            long chatId,
            boolean group,
            Render.Call.Chart chart,
            @Nullable OnceGate gate) {
        CompletableFuture<Charts.Drawn> drawn = Charts.drawSafely(charts, chart.history());
        return outbox.submitWhenReady(
                chatId,
                group,
                "sendPhoto",
                drawn,
                gate,
                c -> {
                    if (drawn.join() instanceof Charts.Drawn.Picture picture) {
                        c.execute(
                                render.photo(
                                        chatId,
                                        picture.png(),
                                        chart.caption(),
                                        chart.withKeyboard()));
                    } else {
                        String note = ((Charts.Drawn.TextOnly) drawn.join()).note();
                        c.execute(
                                render.message(
                                        chatId, text(chart.caption(), note), chart.withKeyboard()));
                    }
                });
    }

    /** The caption and the note, whichever there are. */
    private static String text(String caption, String note) {
        if (caption.isBlank()) {
            return note;
        }
        return note.isBlank() ? caption : caption + "\n\n" + note;
    }
}
