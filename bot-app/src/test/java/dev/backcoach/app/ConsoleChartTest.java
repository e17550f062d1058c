package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.chart.ChartPool;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.progress.ProgressHistory;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.EffectHandler;
import dev.backcoach.core.service.InMemoryStateStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal chat shows a chart reply as its text, a sparkline and the path of the PNG. */
class ConsoleChartTest {
    @TempDir Path folder;

    @Test
    void aChartIsSavedAsAPngWhosePathIsPrintedUnderASparkline() throws Exception {
        LocalDate today = LocalDate.of(2026, 12, 2);
        var history =
                new ProgressHistory(
                        ZoneId.of("Europe/Berlin"),
                        today,
                        new TreeMap<>(
                                Map.of(today.minusDays(3), 7, today.minusDays(2), 5, today, 2)),
                        new TreeMap<>(Map.of(today, 1)),
                        new TreeSet<>(),
                        new ProgressHistory.Labels(
                                "Your last 4 weeks", "Stiffness", "Sessions", "Reminder", "en"));
        var reply =
                new Reply(
                        "Stiffness went from 7 to 2 over 3 days; 1 session.",
                        List.of(List.of(new Button("Log today", "progress"))),
                        false,
                        null,
                        false,
                        false,
                        history);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var service =
                new ConversationService(
                        CatalogLoader.load("en"),
                        new InMemoryStateStore(),
                        Clock.systemUTC(),
                        EffectHandler.NONE,
                        CacheSettings.DEFAULT);
        try (ChartPool charts =
                ChartPool.forThisMachine(tag -> new ChartPool.Notes("busy", "failed"))) {
            new ConsoleAdapter(
                            new ByteArrayInputStream(new byte[0]),
                            new PrintStream(bytes, true, StandardCharsets.UTF_8),
                            service,
                            folder,
                            new ConsoleCharts(charts, folder.resolve("charts")))
                    .deliver(
                            new UserKey(Platform.CONSOLE, "local"),
                            ChatRef.privateWith("console"),
                            List.of(reply));
        }
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out)
                .contains("Stiffness went from 7 to 2 over 3 days; 1 session.")
                .contains("Stiffness: ▆▅ ▂")
                .contains("[1] Log today");
        Matcher saved = Pattern.compile("📈 (\\S+\\.png)").matcher(out);
        assertThat(saved.find()).isTrue();
        Path png = Path.of(saved.group(1));
        assertThat(png).startsWith(folder.resolve("charts"));
        BufferedImage image = ImageIO.read(Files.newInputStream(png));
        assertThat(image.getWidth()).isEqualTo(800);
    }
}
