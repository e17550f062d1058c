package dev.backcoach.chart;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.progress.ProgressHistory;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws charts on a few threads of their own with a bounded queue, so a burst of /progress never
 * holds up anyone's turn or the send threads: when the queue is full the chart is skipped at once
 * and the reply goes out as its text with a note. Nothing here blocks the caller or throws.
 */
public final class ChartPool implements Charts, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChartPool.class);

    /** The texts that stand in for a picture, in one language. */
    public record Notes(String busy, String failed) {
        /** The catalogs' {@code chart.busy} and {@code chart.failed}, by language tag ("es"). */
        public static Function<String, Notes> in(Catalogs catalogs) {
            return tag -> {
                Catalog catalog = catalogs.get(catalogs.resolve(tag));
                return new Notes(catalog.text("chart.busy"), catalog.text("chart.failed"));
            };
        }
    }

    private final Function<ProgressHistory, byte[]> draw;
    private final ThreadPoolExecutor pool;

    /** The notes for a chart's language tag ("es"): a user hears them in their own language. */
    private final Function<String, Notes> notes;

    private final AtomicLong drawn = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    /**
     * @param draw the drawing (tests pass a slow or failing one)
     * @param threads drawing threads; a chart takes one core for some tens of milliseconds
     * @param queue charts that may wait for a thread before new ones are skipped
     */
    public ChartPool(Function<ProgressHistory, byte[]> draw, int threads, int queue, Notes notes) {
        this(draw, threads, queue, tag -> notes);
    }

    /**
     * As above, with the notes chosen per chart by its language ({@link
     * ProgressHistory.Labels#languageTag}), since one pool draws for users of every language.
     */
    public ChartPool(
            Function<ProgressHistory, byte[]> draw,
            int threads,
            int queue,
            Function<String, Notes> notes) {
        this.draw = draw;
        this.notes = notes;
        AtomicInteger count = new AtomicInteger();
        this.pool =
                new ThreadPoolExecutor(
                        threads,
                        threads,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(queue),
                        r -> {
                            Thread t = new Thread(r, "chart-" + count.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * The pool for a server: one thread per core (at most 4), and up to 32 charts waiting per
     * thread, about a second's work on a small machine.
     */
    public static ChartPool forThisMachine(Function<String, Notes> notes) {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        return new ChartPool(ProgressChart::png, threads, 32 * threads, notes);
    }

    @Override
    public CompletableFuture<Drawn> draw(ProgressHistory history) {
        CompletableFuture<Drawn> result = new CompletableFuture<>();
        try {
            pool.execute(new Job(history, result));
        } catch (RejectedExecutionException e) {
            skipped.incrementAndGet();
            log.info("chart skipped: {} waiting already", pool.getQueue().size());
            result.complete(new Drawn.TextOnly(notesFor(history).busy()));
        }
        return result;
    }

    /** One chart to draw; a named type so {@link #close} can answer the ones left waiting. */
    private final class Job implements Runnable {
        final ProgressHistory history;
        final CompletableFuture<Drawn> result;

        Job(ProgressHistory history, CompletableFuture<Drawn> result) {
            this.history = history;
            this.result = result;
        }

        @Override
        public void run() {
            result.complete(drawNow(history));
        }
    }

    private Drawn drawNow(ProgressHistory history) {
        try {
            byte[] png = draw.apply(history);
            drawn.incrementAndGet();
            return new Drawn.Picture(png);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a machine without the native font libraries fails in AWT's loader.
            skipped.incrementAndGet();
            log.error("chart not drawn", e);
            return new Drawn.TextOnly(notesFor(history).failed());
        }
    }

    /** Charts drawn so far. */
    public long drawn() {
        return drawn.get();
    }

    /** Charts that went out as text: too many waiting, or the drawing failed. */
    public long skipped() {
        return skipped.get();
    }

    @Override
    public void close() {
        for (Runnable waiting : pool.shutdownNow()) {
            // Whoever waits for these (a chat's send lane) must still hear back.
            Job job = (Job) waiting;
            job.result.complete(new Drawn.TextOnly(notesFor(job.history).busy()));
        }
    }

    private Notes notesFor(ProgressHistory history) {
        return notes.apply(history.labels().languageTag());
    }
}
