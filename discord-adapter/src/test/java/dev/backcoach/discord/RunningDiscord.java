package dev.backcoach.discord;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.StateStore;
import dev.backcoach.discord.fake.FakeDiscord;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The strict fake Discord and, once {@link #start started}, the adapter on real JDA against it,
 * turning on a {@link ConversationService} over the store a test gives. Two steps, so a store can
 * watch the fake. Closing stops the bot, then the fake. Not {@link AutoCloseable}: stopping waits,
 * so it may be interrupted, which javac's lint refuses in a close().
 */
final class RunningDiscord {
    static final Catalog CATALOG = CatalogLoader.load("en");
    static final Catalogs CATALOGS = Catalogs.of(CATALOG);
    static final Duration WAIT = Duration.ofSeconds(20);

    final FakeDiscord discord;
    ConversationService service;
    DiscordRuntime runtime;

    private RunningDiscord(FakeDiscord discord) {
        this.discord = discord;
    }

    /** The fake alone: no bot yet. */
    static RunningDiscord fake() throws Exception {
        return new RunningDiscord(FakeDiscord.start());
    }

    /** English only, answering in time or deferring after {@code ackWithin}; text-only charts. */
    RunningDiscord start(StateStore store, Duration ackWithin) throws InterruptedException {
        return start(settings(), store, ackWithin, null);
    }

    RunningDiscord start(StateStore store, Duration ackWithin, Charts charts)
            throws InterruptedException {
        return start(settings(), store, ackWithin, charts);
    }

    /** Stops the bot running (if any) and starts one with {@code settings}. */
    RunningDiscord start(
            DiscordSettings settings, StateStore store, Duration ackWithin, @Nullable Charts charts)
            throws InterruptedException {
        stopBot();
        service = service(store);
        runtime =
                charts == null
                        ? DiscordRuntime.start(settings, service, CATALOGS, ackWithin, WAIT)
                        : DiscordRuntime.start(
                                settings, service, CATALOGS, ackWithin, WAIT, charts);
        return this;
    }

    /** One shard, the fake's token and addresses. */
    DiscordSettings settings() {
        return DiscordSettings.of(
                FakeDiscord.TOKEN, URI.create(discord.apiUrl()), URI.create(discord.gatewayUrl()));
    }

    static ConversationService service(StateStore store) {
        return new ConversationService(
                CATALOG,
                store,
                Clock.systemUTC(),
                effect -> {},
                new CacheSettings(1000, Duration.ofMinutes(5)));
    }

    /** Lets the bot flush what it queued (5 s at most), then disconnects it; the fake stays. */
    void stopBot() throws InterruptedException {
        DiscordRuntime running = runtime;
        runtime = null;
        if (running != null) {
            running.stop(Duration.ofSeconds(5));
        }
    }

    /** Stops the bot, then fails on anything the fake saw that Discord would refuse. */
    void closeStrictly() throws Exception {
        try {
            stopBot();
            discord.assertNoViolations();
        } finally {
            discord.close();
        }
    }

    void close() throws Exception {
        try {
            stopBot();
        } finally {
            discord.close();
        }
    }
}
