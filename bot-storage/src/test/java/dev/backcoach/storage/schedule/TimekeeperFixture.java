package dev.backcoach.storage.schedule;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.backcoach.core.TestClock;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.TurnRecord;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.JdbcStateStore;
import dev.backcoach.storage.SchedulerSetup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The database, service, manual scheduler and settable clock the timekeeper contracts run on, and
 * helpers to arrange Anna's reminder; kept apart so each contract file stays readable.
 */
abstract class TimekeeperFixture {
    static final UserKey ANNA = new UserKey(Platform.TELEGRAM, "1001");
    static final ChatRef ANNAS_CHAT = new ChatRef("1001", true);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    // A Friday; Berlin moves to summer time on Sunday.
    final TestClock clock = TestClock.at(Instant.parse("2026-03-27T12:00:00Z"));

    /** db-scheduler's manual scheduler takes its own clock class: this one reads the test clock. */
    private final SettableClock schedulerTime =
            new SettableClock() {
                @Override
                public Instant now() {
                    return clock.instant();
                }
            };

    final List<List<Reply>> sent = new CopyOnWriteArrayList<>();
    final ChannelPort channel = (user, chat, replies) -> sent.add(replies);
    Database database;
    JdbcStateStore store;
    ConversationService service;
    Timekeeper timekeeper;
    Scheduling scheduling;
    ManualScheduler scheduler;

    abstract DatabaseSettings newDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        database = Database.open(newDatabase());
        startProcess();
    }

    /** Another process on the same database: a new store, service, cache and scheduler. */
    void restart() {
        timekeeper.close();
        startProcess();
    }

    private void startProcess() {
        store = new JdbcStateStore(database, clock);
        scheduling = new Scheduling(SchedulerSetup.client(database), clock);
        service =
                new ConversationService(
                        CatalogLoader.load("en"), store, clock, scheduling, CacheSettings.DEFAULT);
        timekeeper =
                new Timekeeper(
                        service,
                        store.nudgeLog(),
                        platform -> channel,
                        clock,
                        tasks -> {
                            TestHelper.ManualSchedulerBuilder builder =
                                    TestHelper.createManualScheduler(database.dataSource(), tasks);
                            builder.clock(schedulerTime).serializer(new TaskData());
                            scheduler = builder.build();
                            return scheduler;
                        });
        timekeeper.start();
    }

    @AfterEach
    void close() throws Exception {
        // Either may be null when opening failed part-way; a NullPointerException here would hide
        // why.
        if (timekeeper != null) {
            timekeeper.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Anna, on the self-care route, with a reminder at 20:00 in Berlin every day, scheduled. */
    NudgePlan remindAnna(NudgePlan plan) {
        storeAnna(plan);
        scheduling.apply(new Effect.ScheduleNudge(ANNA, ANNAS_CHAT, plan.nextDue(clock.instant())));
        return plan;
    }

    /** Anna on the self-care route with {@code plan}, committed but not scheduled. */
    void storeAnna(NudgePlan plan) {
        Session anna =
                Session.fresh(ANNA)
                        .withOnboarding(true, true)
                        .withRoute(Route.SELF_CARE, LocalDate.of(2026, 3, 27))
                        .withNudge(plan)
                        .withVersion(1);
        store.commit(new TurnRecord(anna, 0, "", List.of(), List.of()));
    }

    /** A reminder's run as the scheduler makes it, on this process's service and counters. */
    ReminderRun reminderRun() {
        return new ReminderRun(
                service, store.nudgeLog(), platform -> channel, clock, timekeeper.counters());
    }

    Optional<Instant> nextReminder() {
        return scheduler.getScheduledExecutionsForTask(Timekeeper.REMINDER).stream()
                .map(ScheduledExecution::getExecutionTime)
                .findFirst();
    }

    /**
     * Moves the clock and runs what is due, including what became due by running (as polling
     * would).
     */
    void at(String instant) {
        clock.set(Instant.parse(instant));
        scheduler.runAnyDueExecutions();
        scheduler.runAnyDueExecutions();
    }

    List<Map<String, Object>> log() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows =
                (List<Map<String, Object>>) store.export(ANNA).get("nudge_log");
        return rows;
    }
}
