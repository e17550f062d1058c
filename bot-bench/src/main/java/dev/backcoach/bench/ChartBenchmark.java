package dev.backcoach.bench;

import dev.backcoach.chart.ExampleHistory;
import dev.backcoach.chart.ProgressChart;
import dev.backcoach.core.progress.ProgressHistory;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One progress chart drawn to PNG on one thread: the README's four weeks (ratings on 24 days, 1–2
 * sessions on most, weekday reminders), in English and with Russian words. SampleTime gives the
 * percentiles (goal p99 ≤ 50 ms); run with {@code -prof gc} for bytes allocated per chart (goal ≤
 * 30 MB). The PNG's size (goal ≤ 200 KB) is printed once at setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
@Threads(1)
public class ChartBenchmark {
    private ProgressHistory english;
    private ProgressHistory russian;

    @Setup
    public void setUp() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        english = ExampleHistory.endingOn(today, ExampleHistory.english());
        russian =
                ExampleHistory.endingOn(
                        today,
                        new ProgressHistory.Labels(
                                "Ваши последние 4 недели",
                                "Скованность (0–10)",
                                "Занятия",
                                "Напоминание",
                                "ru"));
        System.out.printf(
                "%nPNG bytes: english %d, russian %d%n",
                ProgressChart.png(english).length, ProgressChart.png(russian).length);
    }

    @Benchmark
    public byte[] english() {
        return ProgressChart.png(english);
    }

    @Benchmark
    public byte[] russian() {
        return ProgressChart.png(russian);
    }
}
