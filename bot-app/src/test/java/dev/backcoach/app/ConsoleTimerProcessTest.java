package dev.backcoach.app;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Step;
import dev.backcoach.core.content.Technique;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar in the terminal: a step timer set on one step says "time's up" while the user is
 * idle in the menu, through the real scheduler, as the message promised.
 */
class ConsoleTimerProcessTest {
    private static final Catalog CATALOG = CatalogLoader.load("en");

    @TempDir Path dir;

    @Test
    void aStepTimerArrivesWhileTheUserIsIdle() throws Exception {
        Technique thumbs = CATALOG.technique("thumb_circles").orElseThrow();
        try (ConsoleProcess bot =
                ConsoleProcess.start(
                        dir,
                        Map.of("DATABASE_URL", "jdbc:sqlite:state/bot.db", "HTTP_PORT", "0"))) {
            bot.awaitLine(CATALOG.text("start.ask_adult"), Duration.ofSeconds(30));
            for (String line : new String[] {"1", "1"}) {
                bot.type(line); // adult, consent: the check starts
            }
            CATALOG.checkGroups().forEach(g -> type(bot, "2")); // No to every list of the check
            CATALOG.plan().forEach(item -> type(bot, item.label())); // everything at hand
            bot.type("Done");
            bot.type("/techniques thumb circles");
            // Through the steps to the short timed hold.
            for (Step step : thumbs.steps()) {
                bot.type("next");
                if (step.seconds() != null && step.seconds() <= 10) {
                    break;
                }
            }
            bot.type("Start timer");
            bot.awaitLine("I'll message you when time's up", Duration.ofSeconds(30));
            bot.type("/menu");
            bot.awaitLine(CATALOG.text("timer.done_elsewhere"), Duration.ofSeconds(60));
        }
    }

    private static void type(ConsoleProcess bot, String line) {
        try {
            bot.type(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
