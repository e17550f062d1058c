package dev.backcoach.discord;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.progress.Charts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a turn and answers the interaction with its replies, in time. The deferral is timed from the
 * interaction's creation (its snowflake), so time spent queued counts too, and turns run on a pool
 * of their own: a busy database can make answers late, never acknowledgements.
 */
final class Responder {
    private static final Logger log = LoggerFactory.getLogger(Responder.class);

    /** For the few words said without a turn, in the language of the user's client. */
    private final Catalogs catalogs;

    private final ScheduledExecutorService timer;
    private final Duration ackWithin;
    private final Executor turns;
    private final Charts charts;

    Responder(
            Catalogs catalogs,
            ScheduledExecutorService timer,
            Duration ackWithin,
            Executor turns,
            Charts charts) {
        this.catalogs = catalogs;
        this.charts = charts;
        this.timer = timer;
        this.ackWithin = ackWithin;
        this.turns = turns;
    }

    /**
     * {@code button} is set for a click: its message is edited in place instead of answered anew.
     */
    void answer(
            IReplyCallback event,
            @Nullable ButtonInteractionEvent button,
            Supplier<List<Reply>> turn) {
        boolean ephemeral = Interactions.ephemeral(event);
        AtomicBoolean acknowledged = new AtomicBoolean();
        Duration age = Duration.between(event.getTimeCreated().toInstant(), Instant.now());
        long delay = Math.max(0, Math.min(ackWithin.toMillis(), ackWithin.minus(age).toMillis()));
        ScheduledFuture<?> deferral =
                timer.schedule(
                        () -> {
                            if (acknowledged.compareAndSet(false, true)) {
                                defer(event, button, ephemeral);
                            }
                        },
                        delay,
                        TimeUnit.MILLISECONDS);
        try {
            turns.execute(() -> run(event, button, turn, acknowledged, deferral, ephemeral));
        } catch (RejectedExecutionException e) {
            deferral.cancel(false);
            log.info(
                    "Discord interaction {} arrived while stopping: left unanswered",
                    event.getId());
        }
    }

    private void run(
            IReplyCallback event,
            @Nullable ButtonInteractionEvent button,
            Supplier<List<Reply>> turn,
            AtomicBoolean acknowledged,
            ScheduledFuture<?> deferral,
            boolean ephemeral) {
        Catalog catalog = catalogs.get(catalogs.resolve(event.getUserLocale().getLocale()));
        List<Reply> replies;
        try {
            replies = turn.get();
        } catch (RuntimeException e) {
            log.error("turn failed for Discord interaction {}", event.getId(), e);
            replies = List.of(Reply.text(catalog.text("error.internal")));
        }
        deferral.cancel(false);
        if (replies.isEmpty()) {
            replies =
                    List.of(
                            Reply.text(
                                    catalog.text(
                                            "flood.wait"))); // every interaction needs an answer
        }
        boolean deferred = !acknowledged.compareAndSet(false, true);
        boolean staleNote = replies.get(0).stale() || replies.get(0).pressNote();
        if (Pictures.none(replies)) {
            new Answer(event, button, ephemeral, deferred, staleNote)
                    .send(Render.messages(replies, event.getUser().getId()));
            return;
        }
        // A chart may wait behind others being drawn: acknowledge now, answer when it is ready,
        // and free this turn thread meanwhile.
        if (!deferred) {
            defer(event, button, ephemeral);
        }
        CompletableFuture<?> unused =
                Pictures.drawn(charts, replies)
                        .thenAccept(
                                drawn ->
                                        new Answer(event, button, ephemeral, true, staleNote)
                                                .send(
                                                        Render.messages(
                                                                drawn, event.getUser().getId())));
    }

    private static void defer(
            IReplyCallback event, @Nullable ButtonInteractionEvent button, boolean ephemeral) {
        (button != null ? button.deferEdit() : event.deferReply(ephemeral))
                .queue(
                        null,
                        failure ->
                                log.warn(
                                        "Discord interaction {} lost: deferral failed: {}",
                                        event.getId(),
                                        failure.toString()));
    }
}
