package dev.backcoach.bench;

import dev.backcoach.core.content.CatalogLoader;
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
import dev.backcoach.storage.Database;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.JdbcStateStore;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable turns: each one is committed (session, event replies) before its replies are returned.
 * Users step Next/Back through a technique; each benchmark thread has its own 1,000 users, as
 * concurrent chats would. PostgreSQL comes from {@code -Dbench.pg.url/user/password} (default: the
 * test database that {@code scripts/start-test-postgres.sh} creates).
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(4)
public class DurableTurnBenchmark {
    static final int USERS_PER_THREAD = 1_000;
    private static final ChatRef CHAT = ChatRef.privateWith("bench");

    @State(Scope.Benchmark)
    public static class Bot {
        @Param({"sqlite", "postgresql"})
        public String db = "sqlite"; // JMH sets it before the set-up runs

        Database database;
        JdbcStateStore store;
        ConversationService service;
        final AtomicInteger threads = new AtomicInteger();

        @Setup(Level.Trial)
        public void open() throws Exception {
            DatabaseSettings settings =
                    db.equals("sqlite")
                            ? new DatabaseSettings(
                                    "jdbc:sqlite:"
                                            + Files.createTempDirectory("bench")
                                                    .resolve("bench.db"),
                                    null,
                                    null)
                            : new DatabaseSettings(
                                    System.getProperty(
                                            "bench.pg.url",
                                            "jdbc:postgresql://127.0.0.1:5432/backcoach_test"),
                                    System.getProperty("bench.pg.user", "backcoach"),
                                    System.getProperty("bench.pg.password", "backcoach"));
            database = Database.open(settings);
            try (Connection c = database.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM processed_event");
                s.executeUpdate("DELETE FROM user_session");
            }
            store = new JdbcStateStore(database);
            service =
                    new ConversationService(
                            CatalogLoader.load("en"),
                            store,
                            Clock.systemUTC(),
                            EffectHandler.NONE,
                            CacheSettings.DEFAULT);
        }

        @TearDown(Level.Trial)
        public void close() {
            database.close();
        }
    }

    @State(Scope.Thread)
    public static class Users {
        UserKey[] keys;
        int[] seq;
        boolean[] forward;
        int next;
        long events;
        String thread;

        @Setup(Level.Trial)
        public void create(Bot bot) {
            thread = "t" + bot.threads.incrementAndGet();
            keys = new UserKey[USERS_PER_THREAD];
            seq = new int[USERS_PER_THREAD];
            forward = new boolean[USERS_PER_THREAD];
            for (int i = 0; i < USERS_PER_THREAD; i++) {
                keys[i] = new UserKey(Platform.TELEGRAM, thread + "-" + i);
                Session s =
                        Session.fresh(keys[i])
                                .withOnboarding(true, true)
                                .withRoute(Route.SELF_CARE, LocalDate.now(java.time.ZoneOffset.UTC))
                                .withDialogue(
                                        new Dialogue.Guiding(
                                                new Guide(
                                                        Guide.Kind.TECHNIQUE,
                                                        "tennis_balls",
                                                        2,
                                                        0)))
                                .withVersion(1);
                bot.store.save(s, 0);
                seq[i] = s.promptSeq();
            }
        }
    }

    @Benchmark
    public Turn durableTurn(Bot bot, Users users) {
        int i = users.next;
        users.next = (i + 1) % USERS_PER_THREAD;
        users.forward[i] = !users.forward[i];
        String data = users.seq[i] + (users.forward[i] ? ".next" : ".back");
        users.events++;
        Turn turn =
                bot.service.handle(
                        new Inbound.Choice(
                                users.keys[i], CHAT, users.thread + "-" + users.events, data));
        users.seq[i] = turn.session().promptSeq();
        return turn;
    }
}
