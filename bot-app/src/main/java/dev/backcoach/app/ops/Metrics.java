package dev.backcoach.app.ops;

import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.service.SendStats;
import dev.backcoach.core.service.ServiceStats;
import dev.backcoach.core.service.StoreHealth;
import dev.backcoach.core.service.TurnObserver;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.schedule.ReminderCounters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * The bot's metrics, in Prometheus format. Named methods feed them, so no caller needs Micrometer
 * and no caller can attach a user id or text: every label value is one of a fixed set.
 * docs/operations.md lists every name. Meters of parts that arrive later (Discord, the nudge
 * scheduler) exist from the start at zero, so dashboards and alerts can be built before them.
 */
public final class Metrics implements TurnObserver, AutoCloseable {
    /** Event kinds as {@link TurnObserver} names them. */
    static final List<String> KINDS = List.of("command", "text", "choice", "timer", "nudge");

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private @Nullable JvmGcMetrics gc;
    private final Map<Platform, Map<String, Counter>> updates = new EnumMap<>(Platform.class);
    private final Map<Platform, Timer> turns = new EnumMap<>(Platform.class);
    private final Map<Route, AtomicLong> usersPerRoute = new EnumMap<>(Route.class);
    private final AtomicLong schedulerBacklog = new AtomicLong();
    private final AtomicLong schedulerLagMillis = new AtomicLong();

    public Metrics() {
        for (Platform platform : Platform.values()) {
            String tag = tag(platform);
            Map<String, Counter> byKind = new HashMap<>();
            for (String kind : KINDS) {
                byKind.put(
                        kind,
                        Counter.builder("backcoach.updates.received")
                                .description(
                                        "Events handled as turns: messages, button presses, timers, nudges")
                                .tags("platform", tag, "kind", kind)
                                .register(registry));
            }
            updates.put(platform, byKind);
            turns.put(
                    platform,
                    Timer.builder("backcoach.turn.duration")
                            .description("Time to handle a turn: lock wait, engine, commit")
                            .tag("platform", tag)
                            // A dozen fixed buckets instead of Micrometer's ~70: enough for p50/p99
                            // and SLO alerts.
                            .serviceLevelObjectives(
                                    millis(1),
                                    millis(2),
                                    millis(5),
                                    millis(10),
                                    millis(25),
                                    millis(50),
                                    millis(100),
                                    millis(250),
                                    millis(500),
                                    millis(1_000),
                                    millis(2_500),
                                    millis(10_000))
                            .register(registry));
        }
        for (Route route : Route.values()) {
            AtomicLong count = new AtomicLong();
            usersPerRoute.put(route, count);
            Gauge.builder("backcoach.users", count, AtomicLong::get)
                    .description(
                            "Users with a stored session, per safety-check route (counts only)")
                    .tag("route", route.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        Gauge.builder("backcoach.scheduler.backlog", schedulerBacklog, AtomicLong::get)
                .description("Scheduled tasks that are due and not yet picked up")
                .register(registry);
        Gauge.builder("backcoach.scheduler.lag", schedulerLagMillis, l -> l.get() / 1000.0)
                .baseUnit("seconds")
                .description("How long the oldest due task has waited")
                .register(registry);
    }

    @Override
    public void turnHandled(Platform platform, String kind, long nanos) {
        Counter counter =
                Objects.requireNonNull(updates.get(platform))
                        .get(kind); // a meter per platform from the start
        if (counter != null) {
            counter.increment();
        }
        Objects.requireNonNull(turns.get(platform)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A platform's outgoing calls: messages out, retries, 429s, blocked and failed sends. */
    public void bindSends(Platform platform, SendStats stats) {
        String tag = tag(platform);
        counter(
                "backcoach.messages.sent",
                "Calls sent to the platform: messages, edits, files, button answers",
                tag,
                stats,
                SendStats::sent);
        counter(
                "backcoach.send.retries",
                "Sends tried again (rate limit, server or network error)",
                tag,
                stats,
                SendStats::retries);
        counter(
                "backcoach.send.rate.limited",
                "Answers telling the bot to slow down (HTTP 429)",
                tag,
                stats,
                SendStats::rateLimited);
        counter(
                "backcoach.send.blocked",
                "Sends refused because the user blocked the bot",
                tag,
                stats,
                SendStats::blocked);
        counter(
                "backcoach.send.failed",
                "Sends given up on for good",
                tag,
                stats,
                SendStats::failed);
    }

    private void counter(
            String name,
            String description,
            String platform,
            SendStats stats,
            ToDoubleFunction<SendStats> value) {
        FunctionCounter.builder(name, stats, value)
                .description(description)
                .tag("platform", platform)
                .register(registry);
    }

    /**
     * The session cache (hits, misses, the hit ratio, how many sessions it holds) and the turns in
     * flight.
     */
    public void bindService(ServiceStats stats) {
        FunctionCounter.builder("backcoach.session.cache.hits", stats, s -> s.cache().hitCount())
                .description("Session lookups answered from memory")
                .register(registry);
        FunctionCounter.builder("backcoach.session.cache.misses", stats, s -> s.cache().missCount())
                .description("Session lookups that went to the database")
                .register(registry);
        Gauge.builder("backcoach.session.cache.hit.ratio", stats, s -> s.cache().hitRate())
                .description("Hits of all lookups since start (1 before the first)")
                .register(registry);
        Gauge.builder("backcoach.session.cache.size", stats, ServiceStats::cachedSessions)
                .description("Sessions held in memory")
                .register(registry);
        Gauge.builder("backcoach.turns.in.flight", stats, ServiceStats::turnsInFlight)
                .description("Turns being handled right now")
                .register(registry);
    }

    /** The database: whether it answered the last time it was asked, and its connection pool. */
    public void bindDatabase(Database database, StoreHealth health) {
        Gauge.builder("backcoach.database.up", health, h -> h.state().up() ? 1 : 0)
                .description("1 while the database answers, 0 while it does not")
                .register(registry);
        Gauge.builder("backcoach.db.connections.active", database, d -> d.poolStats().active())
                .description("Pooled connections in use")
                .register(registry);
        Gauge.builder("backcoach.db.connections.idle", database, d -> d.poolStats().idle())
                .description("Pooled connections open and free")
                .register(registry);
        Gauge.builder("backcoach.db.connections.pending", database, d -> d.poolStats().waiting())
                .description("Threads waiting for a connection")
                .register(registry);
        Gauge.builder("backcoach.db.connections.max", database, d -> d.poolStats().max())
                .description("Size limit of the pool")
                .register(registry);
    }

    /** Users per route, counted in the database; routes not in {@code counts} have none. */
    public void usersPerRoute(Map<String, Long> counts) {
        usersPerRoute.forEach((route, gauge) -> gauge.set(counts.getOrDefault(route.name(), 0L)));
    }

    /**
     * Due evening reminders by what became of them: sent, skipped, late, failed, already_claimed.
     */
    public void bindReminders(ReminderCounters counters) {
        Map<String, ToDoubleFunction<ReminderCounters>> outcomes =
                Map.of(
                        "sent",
                        ReminderCounters::sent,
                        "skipped",
                        ReminderCounters::skipped,
                        "late",
                        ReminderCounters::late,
                        "failed",
                        ReminderCounters::failed,
                        "already_claimed",
                        ReminderCounters::alreadyClaimed);
        outcomes.forEach(
                (outcome, value) ->
                        FunctionCounter.builder("backcoach.nudges", counters, value)
                                .description("Due evening reminders by what became of them")
                                .tag("outcome", outcome)
                                .register(registry));
    }

    /**
     * For the scheduler's periodic report: due tasks not yet picked up, and the oldest one's wait.
     */
    public void scheduler(long backlog, Duration lag) {
        schedulerBacklog.set(backlog);
        schedulerLagMillis.set(lag.toMillis());
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * The JVM's and the process's own meters (memory, GC, threads, CPU, uptime). Bound after
     * start-up, off the path to serving: looking up the JVM's management beans took a tenth of a
     * second of start-up.
     */
    public synchronized void bindJvm() {
        if (gc != null) {
            return;
        }
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public synchronized void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }

    private static Duration millis(long millis) {
        return Duration.ofMillis(millis);
    }

    private static String tag(Platform platform) {
        return platform.name().toLowerCase(Locale.ROOT);
    }
}
