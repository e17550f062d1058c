package dev.backcoach.bench;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.EffectHandler;
import dev.backcoach.core.service.InMemoryStateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-memory turns on one thread: a user stepping through a technique (Next, then Back, so the walk
 * never ends). {@code engineTurn} is the pure engine; {@code serviceTurn} adds the per-user lock,
 * the Caffeine cache and a version-checked save to the in-memory store.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EngineBenchmark {
    private static final UserKey USER = new UserKey(Platform.CONSOLE, "bench");
    private static final ChatRef CHAT = ChatRef.privateWith("bench");
    private static final Instant NOW = Instant.parse("2026-03-02T18:00:00Z");

    private Engine engine;
    private Session session;
    private ConversationService service;
    private Session serviceSession;
    private boolean forward;

    @Setup
    public void setUp() {
        Catalog catalog = CatalogLoader.load("en");
        engine = new Engine(catalog);
        LocalDate today = LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC);
        session =
                Session.fresh(USER)
                        .withOnboarding(true, true)
                        .withRoute(Route.SELF_CARE, today)
                        .withEquipment(0b111111)
                        .withDialogue(
                                new Dialogue.Guiding(
                                        new Guide(Guide.Kind.TECHNIQUE, "tennis_balls", 2, 0)));
        InMemoryStateStore store = new InMemoryStateStore();
        serviceSession = session.withVersion(1);
        store.save(serviceSession, 0);
        service =
                new ConversationService(
                        catalog,
                        store,
                        Clock.fixed(NOW, java.time.ZoneOffset.UTC),
                        EffectHandler.NONE,
                        CacheSettings.DEFAULT);
    }

    @Benchmark
    public Turn engineTurn() {
        Turn turn = engine.handle(session, press(session), NOW);
        session = turn.session();
        return turn;
    }

    @Benchmark
    public Turn serviceTurn() {
        Turn turn = service.handle(press(serviceSession));
        serviceSession = turn.session();
        return turn;
    }

    private Inbound press(Session current) {
        forward = !forward;
        return new Inbound.Choice(
                USER, CHAT, "e", current.promptSeq() + (forward ? ".next" : ".back"));
    }
}
