package dev.backcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.InMemoryStateStore;
import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.Shown;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter on the real JDA client against the strict fake Discord, with an in-memory store. */
class DiscordRuntimeTest {
    static final Catalog CATALOG = CatalogLoader.load("en");
    static final Duration WAIT = Duration.ofSeconds(20);
    FakeDiscord discord;
    ConversationService service;
    DiscordRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        discord = FakeDiscord.start();
        service = new ConversationService(CATALOG, new InMemoryStateStore(), Clock.systemUTC(), effect -> { },
                new CacheSettings(1000, Duration.ofMinutes(5)));
        runtime = DiscordRuntime.start(DiscordSettings.of(FakeDiscord.TOKEN, URI.create(discord.apiUrl()),
                URI.create(discord.gatewayUrl())), service, CATALOG);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (runtime != null) {
                runtime.stop(Duration.ofSeconds(5));
            }
            discord.assertNoViolations();
        } finally {
            discord.close();
        }
    }

    Shown awaitLast(long user, String contains) {
        await().atMost(WAIT).until(() -> discord.last(user) != null && discord.last(user).content().contains(contains));
        return discord.last(user);
    }

    @Test
    void startInADm() {
        assertThat(discord.commands()).containsKeys("start", "check", "techniques", "routine", "nudge");
        discord.slash(42, 0, "start", Map.of());
        Shown ask = awaitLast(42, CATALOG.text("start.ask_adult"));
        assertThat(ask.ephemeral()).isFalse();
        discord.click(42, 0, ask.id(), ask.button("Yes").orElseThrow().customId());
        Shown consent = awaitLast(42, CATALOG.text("start.ask_consent"));
        assertThat(consent.id()).isEqualTo(ask.id());
    }
}
