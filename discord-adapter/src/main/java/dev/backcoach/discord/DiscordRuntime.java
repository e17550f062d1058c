package dev.backcoach.discord;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.Readiness;
import dev.backcoach.core.service.SendStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Discord as configured: one light JDA (no intents, no caches) per shard of this instance's
 * range, events handled on a pool of their own, the slash commands registered when they changed.
 * Proactive messages go out through {@link #channel()} as DMs.
 */
public final class DiscordRuntime implements Readiness, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordRuntime.class);

    /** Discord allows 3 s to answer an interaction; a turn not done by then is deferred. */
    static final Duration ACK_WITHIN = Duration.ofSeconds(2);

    /**
     * JDA retries the gateway forever; start-up gives up after this, naming the setting to check.
     */
    static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final List<JDA> shards;

    /** The event pool, the turn pool and the acknowledgement timer, in that order. */
    private final List<ExecutorService> pools;

    private final DirectMessages dms;
    private final boolean registered;

    private DiscordRuntime(
            List<JDA> shards, List<ExecutorService> pools, DirectMessages dms, boolean registered) {
        this.shards = shards;
        this.pools = pools;
        this.dms = dms;
        this.registered = registered;
    }

    public static DiscordRuntime start(
            DiscordSettings settings, ConversationService service, Catalog catalog)
            throws InterruptedException {
        return start(settings, service, Catalogs.of(catalog));
    }

    /** With slash commands localized to every language of {@code catalogs}. */
    public static DiscordRuntime start(
            DiscordSettings settings, ConversationService service, Catalogs catalogs)
            throws InterruptedException {
        return start(settings, service, catalogs, textOnly(catalogs.english()));
    }

    /**
     * @param charts draws the progress charts replies carry (off the turn path)
     */
    public static DiscordRuntime start(
            DiscordSettings settings, ConversationService service, Catalogs catalogs, Charts charts)
            throws InterruptedException {
        return start(settings, service, catalogs, ACK_WITHIN, READY_WITHIN, charts);
    }

    static DiscordRuntime start(
            DiscordSettings settings,
            ConversationService service,
            Catalog catalog,
            Duration ackWithin,
            Duration readyWithin)
            throws InterruptedException {
        return start(
                settings, service, Catalogs.of(catalog), ackWithin, readyWithin, textOnly(catalog));
    }

    static DiscordRuntime start(
            DiscordSettings settings,
            ConversationService service,
            Catalogs catalogs,
            Duration ackWithin,
            Duration readyWithin)
            throws InterruptedException {
        return start(
                settings, service, catalogs, ackWithin, readyWithin, textOnly(catalogs.english()));
    }

    private static Charts textOnly(Catalog catalog) {
        return Charts.textOnly(catalog.text("chart.failed"));
    }

    static DiscordRuntime start(
            DiscordSettings settings,
            ConversationService service,
            Catalogs catalogs,
            Duration ackWithin,
            Duration readyWithin,
            Charts charts)
            throws InterruptedException {
        // Events leave the websocket thread at once (heartbeats must not wait); turns, which wait
        // on the
        // database, run on their own pool so a slow database never delays an acknowledgement.
        ExecutorService events = Executors.newFixedThreadPool(4, daemon("discord-event"));
        ExecutorService turns = Executors.newFixedThreadPool(32, daemon("discord-turn"));
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(daemon("discord-ack"));
        Interactions listener =
                new Interactions(service, catalogs, timer, ackWithin, turns, charts);
        String gateway = settings.gatewayUrl().toString();
        // JDABuilder never asks GET /gateway/bot: the session controller decides where to connect.
        SessionControllerAdapter sessions =
                new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                };
        List<JDA> shards = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(settings.lastShard() - settings.firstShard() + 1);
        EventListener readiness =
                event -> {
                    if (event instanceof ReadyEvent) {
                        ready.countDown();
                    }
                };
        try {
            for (int shard = settings.firstShard(); shard <= settings.lastShard(); shard++) {
                JDABuilder builder =
                        JDABuilder.createLight(settings.token(), List.<GatewayIntent>of())
                                .setRestConfig(
                                        new RestConfig().setBaseUrl(settings.apiUrl().toString()))
                                .setSessionController(sessions)
                                .setCompression(Compression.NONE)
                                .setGatewayEncoding(GatewayEncoding.JSON)
                                .setEventPool(events, false)
                                .setEnableShutdownHook(false) // the application stops us in order
                                .addEventListeners(listener, readiness);
                if (settings.shardTotal() > 1) {
                    builder.useSharding(shard, settings.shardTotal());
                }
                try {
                    shards.add(builder.build()); // logs in: GET users/@me
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            "Discord login at "
                                    + settings.apiUrl()
                                    + " failed: "
                                    + e.getMessage()
                                    + " (check DISCORD_BOT_TOKEN and DISCORD_API_URL)",
                            e);
                }
            }
            if (!ready.await(readyWithin.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "Discord's gateway at "
                                + gateway
                                + " was not ready within "
                                + readyWithin.toSeconds()
                                + " s: check DISCORD_GATEWAY_URL and the network");
            }
            boolean registered = SlashCommands.register(shards.get(0), catalogs);
            log.info(
                    "Discord bot {} started with shards {}-{} of {}",
                    shards.get(0).getSelfUser().getName(),
                    settings.firstShard(),
                    settings.lastShard(),
                    settings.shardTotal());
            return new DiscordRuntime(
                    shards,
                    List.of(events, turns, timer),
                    new DirectMessages(shards.get(0), service, charts),
                    registered);
        } catch (InterruptedException | RuntimeException e) {
            shards.forEach(JDA::shutdownNow);
            events.shutdownNow();
            turns.shutdownNow();
            timer.shutdownNow();
            throw e;
        }
    }

    /** Where step timers and nudges go: the user's DMs. */
    public ChannelPort channel() {
        return dms;
    }

    /** Messages the bot sent on its own (DMs): for metrics. */
    public SendStats sendStats() {
        return dms;
    }

    /** Ready while every shard's gateway connection is up. */
    @Override
    public Optional<String> problem() {
        for (JDA shard : shards) {
            if (shard.getStatus() != JDA.Status.CONNECTED) {
                return Optional.of(
                        "gateway shard "
                                + shard.getShardInfo().getShardId()
                                + " is "
                                + shard.getStatus()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' '));
            }
        }
        return Optional.empty();
    }

    /** DMs delivered and refused (closed DMs) since start. */
    public long dmsSent() {
        return dms.sent();
    }

    public long dmsRefused() {
        return dms.refused();
    }

    /**
     * Whether start-up replaced the slash commands (false when Discord's list was already ours).
     */
    public boolean commandsRegistered() {
        return registered;
    }

    /** Lets running turns finish and their answers go out within {@code flush}, then closes. */
    public void stop(Duration flush) throws InterruptedException {
        long deadline = System.nanoTime() + flush.toNanos();
        ExecutorService turns = pools.get(1);
        turns.shutdown(); // interactions arriving from now on go unanswered: Discord tells the
        // user it failed
        if (!turns.awaitTermination(flush.toNanos() / 2, TimeUnit.NANOSECONDS)) {
            log.warn("Discord turns still running after {}", flush.dividedBy(2));
        }
        shards.forEach(JDA::shutdown); // sends what is queued, then disconnects
        for (JDA jda : shards) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!jda.awaitShutdown(left, TimeUnit.NANOSECONDS)) {
                log.warn("Discord requests still queued after {}: dropped", flush);
            }
        }
        close();
    }

    @Override
    public void close() {
        shards.forEach(JDA::shutdownNow);
        pools.forEach(ExecutorService::shutdownNow);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
