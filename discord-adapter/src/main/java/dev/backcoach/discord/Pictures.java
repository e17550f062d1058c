package dev.backcoach.discord;

import dev.backcoach.core.model.Document;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.progress.ProgressHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Replies with their progress charts drawn: a chart becomes the reply's PNG attachment (Discord
 * shows it under the text), or, without a picture, a note after the text.
 */
final class Pictures {
    static final String FILE_NAME = "progress.png";

    private Pictures() {}

    /** True when every chart in {@code replies} can be answered at once (or there is none). */
    static boolean none(List<Reply> replies) {
        return replies.stream().allMatch(r -> r.chart() == null);
    }

    /** Completes when every chart is drawn or skipped; never fails. */
    static CompletableFuture<List<Reply>> drawn(Charts charts, List<Reply> replies) {
        List<CompletableFuture<Reply>> each = new ArrayList<>();
        for (Reply reply : replies) {
            ProgressHistory chart = reply.chart();
            each.add(
                    chart == null
                            ? CompletableFuture.completedFuture(reply)
                            : Charts.drawSafely(charts, chart)
                                    .thenApply(drawn -> with(reply, drawn)));
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> each.stream().map(CompletableFuture::join).toList());
    }

    static Reply with(Reply reply, Charts.Drawn drawn) {
        if (drawn instanceof Charts.Drawn.Picture picture) {
            return new Reply(
                    reply.text(),
                    reply.buttons(),
                    reply.replacePrevious(),
                    new Document(FILE_NAME, "image/png", picture.png()),
                    reply.stale(),
                    reply.pressNote(),
                    null);
        }
        String note = ((Charts.Drawn.TextOnly) drawn).note();
        return new Reply(
                note.isBlank() ? reply.text() : reply.text() + "\n\n" + note,
                reply.buttons(),
                reply.replacePrevious(),
                reply.document(),
                reply.stale(),
                reply.pressNote(),
                null);
    }
}
