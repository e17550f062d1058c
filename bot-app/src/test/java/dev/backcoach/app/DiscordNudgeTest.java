package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.TestClock;
import dev.backcoach.discord.fake.Shown;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Discord user sets the evening reminder up with the slash command's options in a server and gets
 * it by DM at the local time they chose. The clock runs in real time from Friday 27 March 2026,
 * 12:00 UTC (17:30 in Kolkata), and jumps ahead to the evening.
 */
class DiscordNudgeTest {
    final TestClock clock = TestClock.running(Instant.parse("2026-03-27T12:00:00Z"));
    @RegisterExtension final DiscordHarness bot = new DiscordHarness().clock(clock);

    @Test
    void optInInAServerThenTheReminderArrivesByDmAtTheChosenLocalTime() {
        DiscordUser inServer =
                DiscordHarness.toSelfCare(
                        new DiscordUser(bot.discord(), 61, DiscordHarness.SERVER));
        assertThat(bot.discord().autocomplete(61, "nudge", "zone", "Kolk"))
                .contains("Asia/Kolkata");
        Shown saved =
                inServer.send(
                        "nudge",
                        Map.of("time", "21:30", "zone", "Asia/Kolkata"),
                        "I'll remind you at 21:30 (Asia/Kolkata), Every day");
        assertThat(saved.ephemeral()).as("in a server, only the user sees it").isTrue();
        assertThat(saved.content()).contains("Fri 27 Mar 21:30");

        clock.set(Instant.parse("2026-03-27T15:59:58Z")); // 21:29:58 in Kolkata
        DiscordUser inDm = new DiscordUser(bot.discord(), 61, 0);
        Shown reminder = inDm.awaitLast(m -> m.dm() && m.button("Skip tonight").isPresent());
        assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-03-27T16:00:00Z"));
        assertThat(reminder.ephemeral()).isFalse();
        assertThat(DiscordHarness.CATALOG.nudges()).contains(reminder.content());

        inDm.press("Skip tonight", "enjoy your evening");
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(6))
                .until(() -> bot.app().reminderCounters().sent() == 1);
    }
}
