package dev.backcoach.chart;

import dev.backcoach.core.progress.ProgressHistory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a history holds, drawing it gives a PNG a platform can send. */
class ProgressChartPropertiesTest {

    @Property(tries = 40)
    void anyHistoryDrawsADecodablePngOfTheChartsSizeUnder200Kb(
            @ForAll("histories") ProgressHistory history) {
        Png.check(ProgressChart.png(history));
    }

    @Provide
    Arbitrary<ProgressHistory> histories() {
        Arbitrary<LocalDate> today =
                Arbitraries.integers()
                        .between(0, 3_650)
                        .map(n -> LocalDate.of(2020, 1, 1).plusDays(n));
        // Days from 60 before today to 3 after: inside the window, outside it, and in the future.
        Arbitrary<List<Integer>> offsets =
                Arbitraries.integers().between(-60, 3).list().ofMaxSize(80);
        Arbitrary<List<Integer>> values = Arbitraries.integers().between(-5, 20).list().ofSize(80);
        Arbitrary<String> words = Arbitraries.strings().all().ofMaxLength(60).injectNull(0.05);
        Arbitrary<String> language = Arbitraries.of("en", "ru", "de", "uk", "ar", "", "x-?!", "zh");
        Arbitrary<ZoneId> zone =
                Arbitraries.of("UTC", "Europe/Berlin", "America/New_York", "Asia/Kathmandu")
                        .map(ZoneId::of);
        Arbitrary<ProgressHistory.Labels> labels =
                Combinators.combine(words, words, words, words, language)
                        .as(ProgressHistory.Labels::new);
        return Combinators.combine(today, offsets, offsets, offsets, values, labels, zone)
                .as(
                        (day, rated, done, reminded, v, l, z) ->
                                new ProgressHistory(
                                        z,
                                        day,
                                        days(day, rated, v),
                                        days(day, done, v),
                                        new TreeSet<>(
                                                days(day, reminded, v).keySet().stream()
                                                        .filter(d -> d.getDayOfMonth() % 2 == 0)
                                                        .collect(
                                                                java.util.stream.Collectors
                                                                        .toSet())),
                                        l));
    }

    private static SortedMap<LocalDate, Integer> days(
            LocalDate today, List<Integer> offsets, List<Integer> values) {
        SortedMap<LocalDate, Integer> out = new TreeMap<>();
        for (int i = 0; i < offsets.size(); i++) {
            out.put(today.plusDays(offsets.get(i)), values.get(i));
        }
        return out;
    }

    @Property(tries = 5)
    void anEmptyHistoryOnAnyDayDraws(@ForAll("anyDay") LocalDate today) {
        Png.check(
                ProgressChart.png(
                        new ProgressHistory(
                                ZoneId.of("UTC"),
                                today,
                                new TreeMap<>(),
                                new TreeMap<>(),
                                new TreeSet<>(Set.of()),
                                ExampleHistory.english())));
    }

    @Provide
    Arbitrary<LocalDate> anyDay() {
        return Arbitraries.integers()
                .between(-100_000, 100_000)
                .map(n -> LocalDate.EPOCH.plusDays(n));
    }
}
