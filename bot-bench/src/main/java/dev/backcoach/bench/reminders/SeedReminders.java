package dev.backcoach.bench.reminders;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.EffectHandler;
import dev.backcoach.core.service.TurnRecord;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.JdbcStateStore;
import dev.backcoach.storage.schedule.TaskData;
import dev.backcoach.storage.schedule.Timekeeper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Fills a database with Telegram users who opted in to the evening reminder, all due at the same
 * instant, for {@code scripts/bench-reminders.sh}: as if each had set it up in a conversation.
 *
 * <p>Run: {@code java -cp benchmarks.jar dev.backcoach.bench.reminders.SeedReminders JDBC_URL USERS DUE_EPOCH_SECOND}
 */
public final class SeedReminders {
    /** Telegram user (and private chat) ids start here. */
    public static final long FIRST_ID = 10_000_000L;

    private SeedReminders() {}

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: SeedReminders JDBC_URL USERS DUE_EPOCH_SECOND");
            System.exit(2);
        }
        int users = Integer.parseInt(args[1]);
        Instant due = Instant.ofEpochSecond(Long.parseLong(args[2]));
        long started = System.nanoTime();
        try (Database database = Database.open(new DatabaseSettings(args[0], System.getenv("DATABASE_USER"),
                System.getenv("DATABASE_PASSWORD")))) {
            Clock clock = Clock.fixed(due, ZoneOffset.UTC);
            JdbcStateStore store = new JdbcStateStore(database, clock);
            ConversationService service = new ConversationService(CatalogLoader.load("en"), store, clock,
                    EffectHandler.NONE, CacheSettings.DEFAULT);
            SettableClock schedulerClock = new SettableClock();
            schedulerClock.set(due);
            Timekeeper timekeeper = new Timekeeper(service, store.nudgeLog(), platform -> null, clock, tasks -> {
                TestHelper.ManualSchedulerBuilder builder = TestHelper.createManualScheduler(database.dataSource(), tasks);
                builder.clock(schedulerClock).serializer(new TaskData());
                return builder.build();
            });
            NudgePlan plan = NudgePlan.of(LocalTime.ofInstant(due, ZoneOffset.UTC), ZoneOffset.UTC, NudgePlan.EVERY_DAY);
            for (long id = FIRST_ID; id < FIRST_ID + users; id++) {
                UserKey user = new UserKey(Platform.TELEGRAM, Long.toString(id));
                Session session = Session.fresh(user).withOnboarding(true, true)
                        .withRoute(Route.SELF_CARE, LocalDate.ofInstant(due, ZoneOffset.UTC)).withNudge(plan).withVersion(1);
                store.commit(new TurnRecord(session, 0, "", List.of(), List.of()));
                timekeeper.apply(new Effect.ScheduleNudge(user, new ChatRef(Long.toString(id), true), due));
            }
        }
        System.out.printf("seeded %d users due at %s in %d s%n", users, due, (System.nanoTime() - started) / 1_000_000_000L);
    }
}
