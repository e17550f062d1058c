package dev.backcoach.app;

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
 * Puts Telegram users with an evening reminder due at {@code due} straight into a database, as if
 * each had opted in: for tests and benchmarks of a fan-out, where a conversation per user would
 * only take time.
 */
final class ReminderSeed {
    private ReminderSeed() {}

    static void seed(DatabaseSettings settings, List<Long> userIds, Instant due) {
        try (Database database = Database.open(settings)) {
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
            for (long id : userIds) {
                UserKey user = new UserKey(Platform.TELEGRAM, Long.toString(id));
                Session session = Session.fresh(user).withOnboarding(true, true)
                        .withRoute(Route.SELF_CARE, LocalDate.ofInstant(due, ZoneOffset.UTC)).withNudge(plan).withVersion(1);
                store.commit(new TurnRecord(session, 0, "", List.of(), List.of()));
                timekeeper.apply(new Effect.ScheduleNudge(user, new ChatRef(Long.toString(id), true), due));
            }
        }
    }
}
