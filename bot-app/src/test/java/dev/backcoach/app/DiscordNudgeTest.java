package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.TestClock;
import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.Shown;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Discord user sets the evening reminder up with the slash command's options in a server and gets
 * it by DM at the local time they chose. The clock runs in real time from Friday 27 March 2026,
 * 12:00 UTC (17:30 in Kolkata), and jumps ahead to the evening.
 */
class DiscordNudgeTest {
    @TempDir
    Path dir;
    FakeDiscord discord;
    Application app;
    final TestClock clock = TestClock.running(Instant.parse("2026-03-27T12:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.start();
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN);
        env.put("DISCORD_API_URL", discord.apiUrl());
        env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
        env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("bot.db"));
        env.put("HTTP_PORT", "0");
        app = Apps.start(env, clock);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        try {
            discord.assertNoViolations();
        } finally {
            discord.close();
        }
    }

    @Test
    void optInInAServerThenTheReminderArrivesByDmAtTheChosenLocalTime() {
        DiscordUser inServer = DiscordTest.toSelfCare(new DiscordUser(discord, 61, DiscordTest.SERVER));
        assertThat(discord.autocomplete(61, "nudge", "zone", "Kolk")).contains("Asia/Kolkata");
        Shown saved = inServer.send("nudge", Map.of("time", "21:30", "zone", "Asia/Kolkata"),
                "I'll remind you at 21:30 (Asia/Kolkata), Every day");
        assertThat(saved.ephemeral()).as("in a server, only the user sees it").isTrue();
        assertThat(saved.content()).contains("Fri 27 Mar 21:30");

        clock.set(Instant.parse("2026-03-27T15:59:58Z")); // 21:29:58 in Kolkata
        DiscordUser inDm = new DiscordUser(discord, 61, 0);
        Shown reminder = inDm.awaitLast(m -> m.dm() && m.button("Skip tonight").isPresent());
        assertThat(clock.instant()).isAfterOrEqualTo(Instant.parse("2026-03-27T16:00:00Z"));
        assertThat(reminder.ephemeral()).isFalse();
        assertThat(DiscordTest.CATALOG.nudges()).contains(reminder.content());

        inDm.press("Skip tonight", "enjoy your evening");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6))
                .until(() -> app.reminderCounters().sent() == 1);
    }
}
