package dev.backcoach.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.progress.Charts.Drawn;
import dev.backcoach.core.progress.ProgressHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ChartPoolTest {
    static final ChartPool.Notes NOTES = new ChartPool.Notes("busy", "failed");
    static final ProgressHistory EXAMPLE =
            ExampleHistory.endingOn(ProgressChartTest.TODAY, ExampleHistory.english());

    @Test
    void drawsThePictureOnItsOwnThread() {
        try (ChartPool pool = new ChartPool(ProgressChart::png, 1, 4, NOTES)) {
            Drawn drawn = pool.draw(EXAMPLE).join();

            assertThat(drawn).isInstanceOf(Drawn.Picture.class);
            Png.check(((Drawn.Picture) drawn).png());
            assertThat(pool.drawn()).isEqualTo(1);
        }
    }

    @Test
    void aFullQueueAnswersAtOnceWithTheTextAndTheBusyNote() throws InterruptedException {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Function<ProgressHistory, byte[]> slow =
                history -> {
                    started.countDown();
                    await(hold);
                    return new byte[] {1};
                };
        try (ChartPool pool = new ChartPool(slow, 1, 2, NOTES)) {
            List<CompletableFuture<Drawn>> burst = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                burst.add(pool.draw(EXAMPLE));
            }
            started.await();

            // One drawing, two waiting; the other seven were answered without waiting.
            assertThat(burst.stream().filter(CompletableFuture::isDone))
                    .hasSize(7)
                    .allMatch(f -> f.join().equals(new Drawn.TextOnly("busy")));
            hold.countDown();
            assertThat(burst.subList(0, 3)).allMatch(f -> f.join() instanceof Drawn.Picture);
            assertThat(pool.skipped()).isEqualTo(7);
        }
    }

    @Test
    void aDrawingThatFailsAnswersWithTheFailedNote() {
        try (ChartPool pool =
                new ChartPool(
                        history -> {
                            throw new IllegalStateException("boom");
                        },
                        1,
                        4,
                        NOTES)) {
            assertThat(pool.draw(EXAMPLE).join()).isEqualTo(new Drawn.TextOnly("failed"));
        }
    }

    @Test
    void aChartsThatBreaksItsPromiseStillAnswersWithTheTextAlone() {
        Charts throwing =
                history -> {
                    throw new IllegalStateException("boom");
                };
        Charts failing =
                history -> CompletableFuture.failedFuture(new IllegalStateException("boom"));

        assertThat(Charts.drawSafely(throwing, EXAMPLE).join()).isEqualTo(new Drawn.TextOnly(""));
        assertThat(Charts.drawSafely(failing, EXAMPLE).join()).isEqualTo(new Drawn.TextOnly(""));
    }

    @Test
    void closingAnswersTheChartsStillWaiting() throws InterruptedException {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ChartPool pool =
                new ChartPool(
                        history -> {
                            started.countDown();
                            await(hold);
                            return new byte[] {1};
                        },
                        1,
                        4,
                        NOTES);
        pool.draw(EXAMPLE);
        CompletableFuture<Drawn> waiting = pool.draw(EXAMPLE);
        started.await();

        pool.close();

        assertThat(waiting.join()).isEqualTo(new Drawn.TextOnly("busy"));
        hold.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
