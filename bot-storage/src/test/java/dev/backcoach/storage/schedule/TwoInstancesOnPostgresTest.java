package dev.backcoach.storage.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.TurnRecord;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.JdbcStateStore;
import dev.backcoach.storage.PostgresSchema;
import dev.backcoach.storage.SchedulerSetup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two bot instances on one PostgreSQL, each with its own pool, cache and running scheduler: 200
 * reminders due at once, each on the user's only reminder day and so with the weekly summary, are
 * sent once each, whichever instance picks them.
 */
class TwoInstancesOnPostgresTest {
    static final int USERS = 200;
    final Clock clock = Clock.systemUTC();
    final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> summaries = new ConcurrentHashMap<>();
    final List<AutoCloseable> opened = new ArrayList<>();
    @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

    record Instance(Timekeeper timekeeper, Scheduling scheduling, JdbcStateStore store) {}

    Instance instance() {
        Database database = Database.open(postgres.settings());
        JdbcStateStore store = new JdbcStateStore(database, clock);
        Scheduling scheduling = new Scheduling(SchedulerSetup.client(database), clock);
        ConversationService service =
                new ConversationService(
                        CatalogLoader.load("en"), store, clock, scheduling, CacheSettings.DEFAULT);
        ChannelPort channel =
                (user, chat, replies) ->
                        (replies.get(0).text().startsWith("Your week") ? summaries : received)
                                .computeIfAbsent(user.userId(), id -> new AtomicInteger())
                                .incrementAndGet();
        Timekeeper timekeeper =
                new Timekeeper(
                        service,
                        store.nudgeLog(),
                        platform -> channel,
                        clock,
                        SchedulerSetup.forDatabase(database, clock));
        opened.add(database);
        opened.add(0, timekeeper);
        return new Instance(timekeeper, scheduling, store);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close(); // before the extension drops the schema
        }
    }

    @Test
    void eachReminderAndWeeklySummaryIsSentOnceAcrossInstances() throws Exception {
        Instance first = instance();
        Instance second = instance();
        Instant due = clock.instant();
        NudgePlan plan =
                NudgePlan.of(
                        LocalTime.ofInstant(due, ZoneOffset.UTC),
                        ZoneOffset.UTC,
                        // Today only: today is the summary day, whatever day the test runs.
                        NudgePlan.bit(LocalDate.ofInstant(due, ZoneOffset.UTC).getDayOfWeek()));
        for (int i = 0; i < USERS; i++) {
            UserKey user = new UserKey(Platform.DISCORD, Long.toString(900_000 + i));
            Session session =
                    Session.fresh(user)
                            .withOnboarding(true, true)
                            .withRoute(Route.SELF_CARE, LocalDate.now(ZoneOffset.UTC))
                            .withNudge(plan)
                            .withVersion(1);
            first.store().commit(new TurnRecord(session, 0, "", List.of(), List.of()));
            first.scheduling()
                    .apply(new Effect.ScheduleNudge(user, new ChatRef(user.userId(), true), due));
        }
        first.timekeeper().start();
        second.timekeeper().start();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> received.size() == USERS && summaries.size() == USERS);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> total(received) + total(summaries) == 2 * USERS);
        assertThat(received.values()).allSatisfy(count -> assertThat(count.get()).isOne());
        assertThat(summaries.values()).allSatisfy(count -> assertThat(count.get()).isOne());
        assertThat(first.timekeeper().counters().sent() + second.timekeeper().counters().sent())
                .isEqualTo(2 * USERS);
        assertThat(
                        first.timekeeper().counters().alreadyClaimed()
                                + second.timekeeper().counters().alreadyClaimed())
                .as("db-scheduler handed each task to one instance")
                .isZero();
    }

    private static int total(Map<String, AtomicInteger> counts) {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
