package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.TestClock;
import dev.backcoach.core.content.Catalog;
import dev.backcoach.discord.fake.Shown;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /progress} on the real JDA client against the strict fake Discord, with its options. */
class DiscordProgressTest {
    static final Catalog CATALOG = DiscordHarness.CATALOG;

    final TestClock clock = TestClock.running(Instant.parse("2026-03-27T12:00:00Z"));
    @RegisterExtension final DiscordHarness bot = new DiscordHarness().clock(clock);

    @Test
    void progressTakesAScoreAndTheWeekAsOptions() {
        DiscordUser anna =
                DiscordHarness.toSelfCare(
                        new DiscordUser(bot.discord(), 30_001, DiscordHarness.SERVER));
        anna.send("progress", Map.of("score", "4"), "I'll note your 4 as soon as I know your day");
        anna.press(CATALOG.text("button.use_utc"), CATALOG.text("progress.ask"));
        anna.press("4", CATALOG.text("menu.prompt").substring(0, 10));
        assertThat(bot.discord().screen(anna.id))
                .anyMatch(m -> m.content().contains("Saved: 4/10 for today."));
        anna.sendAndSee("progress", Map.of("score", "6"), "I've replaced today's 4 with 6");
        // Five turns within a second: a person would pause before the next, or the flood guard
        // (three a second) answers "one moment". The clock moves on instead of the test waiting.
        clock.advance(Duration.ofSeconds(2));
        anna.sendAndSee("progress", Map.of("week", "true"), "Your week,");
        assertThat(bot.discord().screen(anna.id)).allMatch(Shown::ephemeral);
    }
}
