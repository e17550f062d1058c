package dev.backcoach.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.progress.Charts.Drawn;
import dev.backcoach.core.progress.ProgressHistory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * One pool draws for users of every language: the note that stands in for a picture is chosen per
 * chart, by the chart's language, never once at start-up.
 */
class ChartNotesTest {
    private static final Catalogs CATALOGS = Catalogs.load();

    @Test
    void aFailedChartIsExplainedInEachUsersLanguage() {
        try (ChartPool pool =
                new ChartPool(
                        history -> {
                            throw new IllegalStateException("boom");
                        },
                        1,
                        4,
                        ChartPool.Notes.in(CATALOGS))) {
            for (String tag : new String[] {"es", "ru", "en", "es-419", "pt-BR"}) {
                String code = CATALOGS.resolve(tag);
                assertThat(pool.draw(history(tag)).join())
                        .as(tag)
                        .isEqualTo(new Drawn.TextOnly(CATALOGS.get(code).text("chart.failed")));
            }
        }
    }

    @Test
    void aBusyPoolAnswersEachUserInTheirLanguage() throws InterruptedException {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (ChartPool pool =
                new ChartPool(
                        history -> {
                            started.countDown();
                            try {
                                hold.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return new byte[] {1};
                        },
                        1,
                        1,
                        ChartPool.Notes.in(CATALOGS))) {
            pool.draw(history("en"));
            started.await();
            pool.draw(history("en")); // waits in the queue
            CompletableFuture<Drawn> spanish = pool.draw(history("es"));
            CompletableFuture<Drawn> russian = pool.draw(history("ru"));
            assertThat(spanish.join())
                    .isEqualTo(new Drawn.TextOnly(CATALOGS.get("es").text("chart.busy")));
            assertThat(russian.join())
                    .isEqualTo(new Drawn.TextOnly(CATALOGS.get("ru").text("chart.busy")));
            hold.countDown();
        }
    }

    private static ProgressHistory history(String tag) {
        ProgressHistory.Labels english = ExampleHistory.english();
        return ExampleHistory.endingOn(
                ProgressChartTest.TODAY,
                new ProgressHistory.Labels(
                        english.title(),
                        english.stiffness(),
                        english.sessions(),
                        english.reminder(),
                        tag));
    }
}
