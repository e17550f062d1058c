package dev.backcoach.bench;

import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.EffectHandler;
import dev.backcoach.core.service.StateStore;
import dev.backcoach.core.service.TurnRecord;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Retained heap per cached idle session: fills the service's Caffeine cache with N users (as a busy
 * evening would: Telegram-sized numeric ids, a route, a plan, a paused technique) and divides the
 * heap growth after full GCs by N. The store makes sessions up on load and keeps nothing, so only
 * the cache is measured.
 *
 * <p>Run: {@code java -Xmx2g -cp bot-bench/target/benchmarks.jar
 * dev.backcoach.bench.SessionMemoryBenchmark 1000000}
 */
public final class SessionMemoryBenchmark {
    private static final Instant NOW = Instant.parse("2026-03-02T18:00:00Z");

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ConversationService service =
                new ConversationService(
                        CatalogLoader.load("en"),
                        new MakeBelieveStore(),
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        EffectHandler.NONE,
                        new CacheSettings(users, Duration.ofHours(1)));
        ChatRef chat = ChatRef.privateWith("c");
        // warm up the code paths before the baseline so class loading is not counted
        for (int i = 0; i < 10_000; i++) {
            service.handle(
                    new Inbound.Command(
                            new UserKey(Platform.TELEGRAM, "warm" + i), chat, "", "privacy", ""));
        }
        long before = usedHeapAfterGc();
        for (int i = 0; i < users; i++) {
            UserKey user =
                    new UserKey(Platform.TELEGRAM, Long.toString(5_000_000_000L + i * 7919L));
            service.handle(new Inbound.Command(user, chat, "", "privacy", ""));
        }
        long after = usedHeapAfterGc();
        System.out.printf("cached sessions: %,d%n", service.stats().cachedSessions());
        System.out.printf(
                "heap growth: %,d bytes = %.1f MiB%n",
                after - before, (after - before) / 1048576.0);
        System.out.printf(
                "retained heap per cached idle session: %.0f bytes%n",
                (after - before) / (double) service.stats().cachedSessions());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Every user exists, mid-way through their life with the bot; nothing is retained here. */
    private static final class MakeBelieveStore implements StateStore {
        private static final LocalDate ROUTE_DAY = LocalDate.of(2026, 2, 20);

        @Override
        public java.util.SortedMap<LocalDate, Integer> ratingHistory(UserKey user) {
            return new java.util.TreeMap<>();
        }

        @Override
        public dev.backcoach.core.progress.ProgressLog progressLog(UserKey user, LocalDate from) {
            return dev.backcoach.core.progress.ProgressLog.EMPTY;
        }

        @Override
        public Optional<Session> load(UserKey user) {
            return Optional.of(
                    Session.fresh(user)
                            .withOnboarding(true, true)
                            .withRoute(
                                    Route.SELF_CARE, LocalDate.ofEpochDay(ROUTE_DAY.toEpochDay()))
                            .withCheckIn(LocalDate.ofEpochDay(ROUTE_DAY.toEpochDay() + 3))
                            .withEquipment(0b110110)
                            .withDialogue(Dialogue.IDLE)
                            .withPaused(new Guide(Guide.Kind.TECHNIQUE, "foam_roller", 2, 0))
                            .withRatings(0x765, (int) ROUTE_DAY.toEpochDay() + 5)
                            .withVersion(12));
        }

        @Override
        public void commit(TurnRecord turn) {}

        @Override
        public Precheck precheck(UserKey user, String eventId) {
            return new Precheck(12, Optional.empty());
        }

        @Override
        public Map<String, Object> export(UserKey user) {
            return Map.of();
        }

        @Override
        public void forget(UserKey user) {}

        @Override
        public boolean reachable() {
            return true;
        }
    }
}
