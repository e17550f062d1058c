package dev.backcoach.storage.schedule;

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
import dev.backcoach.storage.SchedulerSetup;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Puts users (Telegram unless told) with an evening reminder due at {@code due} straight into a
 * database, as if each had opted in (self-care route, a plan, the reminder task scheduled): for
 * fan-out tests and the fan-out benchmark, where a conversation per user would only take time.
 */
public final class ReminderSeeding {
    private ReminderSeeding() {}

    public static void seed(
            DatabaseSettings settings, Iterable<Long> telegramUserIds, Instant due) {
        seed(settings, Platform.TELEGRAM, telegramUserIds, due);
    }

    /** The same for users of {@code platform} (their chat is the private one with the bot). */
    public static void seed(
            DatabaseSettings settings, Platform platform, Iterable<Long> userIds, Instant due) {
        try (Database database = Database.open(settings)) {
            Clock clock = Clock.fixed(due, ZoneOffset.UTC);
            JdbcStateStore store = new JdbcStateStore(database, clock);
            ConversationService service =
                    new ConversationService(
                            CatalogLoader.load("en"),
                            store,
                            clock,
                            EffectHandler.NONE,
                            CacheSettings.DEFAULT);
            Scheduling scheduling = new Scheduling(SchedulerSetup.client(database), clock);
            NudgePlan plan =
                    NudgePlan.of(
                            LocalTime.ofInstant(due, ZoneOffset.UTC),
                            ZoneOffset.UTC,
                            NudgePlan.EVERY_DAY);
            for (long id : userIds) {
                UserKey user = new UserKey(platform, Long.toString(id));
                Session session =
                        Session.fresh(user)
                                .withOnboarding(true, true)
                                .withRoute(
                                        Route.SELF_CARE, LocalDate.ofInstant(due, ZoneOffset.UTC))
                                .withNudge(plan)
                                .withVersion(1);
                store.commit(
                        new TurnRecord(session, 0, "", java.util.List.of(), java.util.List.of()));
                scheduling.apply(
                        new Effect.ScheduleNudge(user, new ChatRef(Long.toString(id), true), due));
                LocalDate day = LocalDate.ofInstant(due, ZoneOffset.UTC);
                if (plan.summaryOn(day)) {
                    // On a Sunday: as if this week's summary went out already, so exactly one
                    // message per user (the reminder) is what fan-out tests count.
                    store.nudgeLog()
                            .claim(
                                    user,
                                    day.with(java.time.DayOfWeek.MONDAY),
                                    ReminderRun.WEEKLY,
                                    due,
                                    dev.backcoach.storage.NudgeLog.Status.SENT);
                }
            }
        }
    }
}
