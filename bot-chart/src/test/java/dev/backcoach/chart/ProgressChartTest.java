package dev.backcoach.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.progress.ProgressHistory;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ProgressChartTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final ProgressHistory.Labels RUSSIAN =
            new ProgressHistory.Labels(
                    "Ваши последние 4 недели",
                    "Скованность (0–10)",
                    "Занятия",
                    "Напоминание",
                    "ru");

    @Test
    void theExampleIsAPngOfTheChartsSizeWithTheLineBarsAndReminders() throws IOException {
        byte[] png = ProgressChart.png(ExampleHistory.endingOn(TODAY, ExampleHistory.english()));

        // The README's image: -Dchart.example=docs/images/progress-example.png
        String example = System.getProperty("chart.example");
        if (example != null && !example.isBlank()) {
            Files.write(Path.of(example), png);
        }
        BufferedImage image = Png.check(png);
        assertThat(Png.pixelsOf(image, 0xd95f02)).as("the stiffness line").isGreaterThan(500);
        assertThat(Png.pixelsOf(image, 0x6baed6)).as("the session bars").isGreaterThan(500);
        assertThat(Png.pixelsOf(image, 0x9e9ac8)).as("reminder days").isGreaterThan(100);
    }

    @Test
    void theBundledFontHasEveryLatinAndCyrillicLetterTheLabelsUse() {
        Font font = ChartFont.BASE;
        assertThat(font.getFamily()).isEqualTo("DejaVu Sans");
        String words =
                String.join(
                        " ",
                        RUSSIAN.title(),
                        RUSSIAN.stiffness(),
                        RUSSIAN.sessions(),
                        RUSSIAN.reminder(),
                        "нояб. дек. Stiffness Sessions Reminder sent ÄÖÜ äöü ß é ç ñ ё Ё");
        assertThat(font.canDisplayUpTo(words)).isEqualTo(-1);
        // A missing glyph would be drawn as the same empty box for every letter.
        FontRenderContext frc = new FontRenderContext(null, true, true);
        var glyphs = font.deriveFont(12f).createGlyphVector(frc, "Жд");
        assertThat(glyphs.getGlyphCode(0)).isNotEqualTo(glyphs.getGlyphCode(1));
        assertThat(glyphs.getGlyphCode(0)).isNotEqualTo(font.getMissingGlyphCode());
    }

    @Test
    void russianWordsAndDatesDrawAsWellAsEnglishOnes() {
        byte[] english =
                ProgressChart.png(ExampleHistory.endingOn(TODAY, ExampleHistory.english()));
        byte[] russian = ProgressChart.png(ExampleHistory.endingOn(TODAY, RUSSIAN));

        Png.check(russian);
        assertThat(russian).isNotEqualTo(english);
        assertThat(new DayFormat(TODAY, java.util.Locale.forLanguageTag("ru")).format(0))
                .isEqualTo("2 дек.");
        assertThat(new DayFormat(TODAY, java.util.Locale.ENGLISH).format(-7)).isEqualTo("25 Nov");
    }

    @Test
    void noRatingsOneRatingAndOnlyOldRatingsStillDrawAChart() {
        Png.check(ProgressChart.png(history(Map.of(), Map.of(), Set.of())));
        Png.check(ProgressChart.png(history(Map.of(TODAY, 4), Map.of(), Set.of())));
        Png.check(
                ProgressChart.png(
                        history(
                                Map.of(TODAY.minusDays(28), 5, TODAY.minusYears(1), 9),
                                Map.of(TODAY.minusDays(40), 2),
                                Set.of(TODAY.minusDays(30)))));
    }

    @Test
    void aThousandRatingsDrawOnlyTheLastFourWeeks() {
        SortedMap<LocalDate, Integer> ratings = new TreeMap<>();
        for (int i = 0; i < 1_000; i++) {
            ratings.put(TODAY.minusDays(i), i % 11);
        }
        Window window = Window.of(history(ratings, Map.of(), Set.of()));

        assertThat(window.ratings()).hasSize(28);
        assertThat(window.ratings().firstKey()).isEqualTo(-27);
        Png.check(ProgressChart.png(history(ratings, Map.of(), Set.of())));
    }

    @Test
    void daysAroundAClockChangeAndAZoneChangeAreOneDayWideEach() {
        // Europe/Berlin went back an hour on 25 Oct 2026; the user moved to New York on the 27th.
        LocalDate today = LocalDate.of(2026, 11, 1);
        SortedMap<LocalDate, Integer> ratings = new TreeMap<>();
        for (LocalDate d = LocalDate.of(2026, 10, 24); !d.isAfter(today); d = d.plusDays(1)) {
            ratings.put(d, 5);
        }
        var history =
                new ProgressHistory(
                        ZoneId.of("America/New_York"),
                        today,
                        ratings,
                        new TreeMap<>(Map.of(LocalDate.of(2026, 10, 25), 2)),
                        new TreeSet<>(Set.of(LocalDate.of(2026, 10, 25))),
                        ExampleHistory.english());
        Window window = Window.of(history);

        assertThat(window.ratings().keySet()).containsExactly(-8, -7, -6, -5, -4, -3, -2, -1, 0);
        Png.check(ProgressChart.png(history));
    }

    @Test
    void oddValuesAndWordsAreSettledBeforeDrawing() {
        var odd =
                new ProgressHistory(
                        ZoneId.of("UTC"),
                        TODAY,
                        new TreeMap<>(
                                Map.of(TODAY, 42, TODAY.minusDays(1), -3, TODAY.plusDays(3), 5)),
                        new TreeMap<>(Map.of(TODAY, 1_000_000, TODAY.minusDays(2), -1)),
                        new TreeSet<>(),
                        new ProgressHistory.Labels("", "", "", "", "not a language!"));
        Window window = Window.of(odd);

        assertThat(window.ratings()).containsExactly(Map.entry(-1, 0), Map.entry(0, 10));
        assertThat(window.sessions()).containsEntry(-2, 0).containsEntry(0, 1_000_000);
        Png.check(ProgressChart.png(odd));
    }

    static ProgressHistory history(
            Map<LocalDate, Integer> ratings, Map<LocalDate, Integer> sessions, Set<LocalDate> rem) {
        return new ProgressHistory(
                ZoneId.of("Europe/Berlin"),
                TODAY,
                new TreeMap<>(ratings),
                new TreeMap<>(sessions),
                new TreeSet<>(rem),
                ExampleHistory.english());
    }
}
