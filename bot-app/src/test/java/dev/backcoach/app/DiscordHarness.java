package dev.backcoach.app;

import dev.backcoach.core.model.Platform;
import dev.backcoach.discord.fake.FakeDiscord;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The real application and JDA against the strict fake Discord (REST and gateway):
 * {@code @RegisterExtension final DiscordHarness bot = new DiscordHarness();}. After each test the
 * fake must have seen nothing Discord would refuse.
 */
final class DiscordHarness extends AppHarness<DiscordHarness> {
    static final long SERVER = 880_000_000_000_000_001L;

    private @Nullable FakeDiscord discord;

    @Override
    DiscordHarness self() {
        return this;
    }

    @Override
    Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    void startPlatform(Map<String, String> env) throws Exception {
        discord = FakeDiscord.start();
        env.put("DISCORD_BOT_TOKEN", FakeDiscord.TOKEN);
        env.put("DISCORD_API_URL", discord.apiUrl());
        env.put("DISCORD_GATEWAY_URL", discord.gatewayUrl());
    }

    @Override
    void checkAndStopPlatform() throws Exception {
        if (discord == null) {
            return;
        }
        try {
            discord.assertNoViolations();
        } finally {
            discord.close();
            discord = null;
        }
    }

    FakeDiscord discord() {
        if (discord == null) {
            throw new IllegalStateException("no test is running");
        }
        return discord;
    }

    /** Start, 18+, consent, and the check begun: the first list of warning signs is showing. */
    static DiscordUser onboarded(DiscordUser user) {
        user.send("start", CATALOG.text("start.ask_adult"));
        user.press("Yes", CATALOG.text("start.ask_consent"));
        user.press("Yes", Scripts.firstGroup(CATALOG));
        return user;
    }

    /** Onboarded, no warning sign, a full plan: a self-care user with every technique open. */
    static DiscordUser toSelfCare(DiscordUser user) {
        onboarded(user);
        Scripts.noRedFlagsAndAFullPlan(CATALOG, (label, expect) -> user.press(label, expect));
        return user;
    }
}
