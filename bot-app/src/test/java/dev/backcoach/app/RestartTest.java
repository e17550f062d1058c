package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JVM killed with SIGKILL in the middle of a technique continues at the right step. */
class RestartTest {
    private static final Catalog CATALOG = CatalogLoader.load("en");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void afterSigkillMidTechniqueNextContinuesAtTheRightStep(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("DATABASE_URL", "jdbc:sqlite:state/backcoach.db");
        List<Step> steps = CATALOG.technique("foam_roller").orElseThrow().steps();

        try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
            bot.awaitLine(CATALOG.text("start.ask_adult"), WAIT);
            bot.type("1");
            bot.type("1");
            for (int i = 0; i < CATALOG.checkGroups().size(); i++) {
                bot.type("No");
            }
            for (var item : CATALOG.plan()) {
                bot.type(item.label());
            }
            bot.type("Done");
            bot.type("/techniques foam_roller");
            bot.type("Next");
            bot.type("Next");
            bot.awaitLine("step 2 of " + steps.size(), WAIT);
            bot.kill();
        }
        assertThat(Files.exists(dir.resolve("state/backcoach.db"))).isTrue();

        try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
            String shown = bot.awaitLine("[1] ◀ Back", WAIT);
            assertThat(shown)
                    .as("the pending step is shown again after the restart")
                    .contains(steps.get(1).text())
                    .doesNotContain(CATALOG.text("start.ask_adult"));
            bot.type("Next");
            String next = bot.awaitLine(steps.get(2).text(), WAIT);
            assertThat(next).contains("step 3 of " + steps.size()).doesNotContain("step 2 of");
            assertThat(bot.endInputAndWait()).isZero();
            assertThat(bot.drain(Duration.ofMillis(200))).doesNotContain("step 4 of");
        }
    }
}
