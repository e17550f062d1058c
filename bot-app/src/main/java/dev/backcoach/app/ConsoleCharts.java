package dev.backcoach.app;

import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.progress.ProgressHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress charts in the terminal: the PNG is written to a file whose path is printed, and the
 * ratings show as a sparkline so the trend is visible without opening it. One user, so waiting for
 * the drawing holds up nobody else.
 */
public final class ConsoleCharts {
    private final Charts charts;
    private final Path folder;
    private final AtomicInteger count = new AtomicInteger();
    private final long runId = System.currentTimeMillis();

    /**
     * @param folder where chart files go (created when the first is drawn)
     */
    public ConsoleCharts(Charts charts, Path folder) {
        this.charts = charts;
        this.folder = folder;
    }

    /** Chart files in a folder of the system's temporary files. */
    static ConsoleCharts inTemporaryFiles(Charts charts) {
        return new ConsoleCharts(
                charts, Path.of(System.getProperty("java.io.tmpdir"), "backcoach-charts"));
    }

    /** The sparkline alone, for a chat without a renderer. */
    static ConsoleCharts textOnly() {
        return new ConsoleCharts(Charts.textOnly(""), Path.of(""));
    }

    /** The lines to print under the chart's text. */
    List<String> show(ProgressHistory history) {
        List<String> lines = new ArrayList<>();
        String spark = Sparkline.of(history);
        if (!spark.isEmpty()) {
            lines.add(history.labels().stiffness() + ": " + spark);
        }
        Charts.Drawn drawn = Charts.drawSafely(charts, history).join();
        if (drawn instanceof Charts.Drawn.Picture picture) {
            lines.add(save(picture.png()));
        } else if (!((Charts.Drawn.TextOnly) drawn).note().isBlank()) {
            lines.add(((Charts.Drawn.TextOnly) drawn).note());
        }
        return lines;
    }

    private String save(byte[] png) {
        Path file =
                folder.resolve("progress-" + runId + "-" + count.incrementAndGet() + ".png")
                        .toAbsolutePath();
        try {
            Files.createDirectories(folder);
            Files.write(file, png);
            // The path alone, as for an export's 📎: no words, so no language to get wrong.
            return "📈 " + file;
        } catch (IOException e) {
            return "📈 ✗ " + file + ": " + e.getMessage();
        }
    }
}
