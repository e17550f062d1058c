package dev.backcoach.storage.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.storage.NudgeLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bot's clock-driven side on db-scheduler: the daily reminder of each user (a task that
 * reschedules itself to the plan's next due time), a snoozed reminder, and step timers. It runs the
 * tasks and calls the service; {@link Scheduling}, built before the service, schedules them.
 */
public final class Timekeeper implements AutoCloseable {
    static final String REMINDER = "nudge";
    static final String SNOOZE = "nudge-snooze";
    static final String STEP_TIMER = "step-timer";

    /** A failed run (database down) is tried again soon; the late limit still applies. */
    static final Duration RETRY = Duration.ofMinutes(1);

    private final ConversationService service;
    private final Clock clock;
    private final ReminderCounters counters = new ReminderCounters();
    private final CustomTask<String> reminder;
    private final OneTimeTask<String> snooze;
    private final OneTimeTask<String> stepTimer;
    private final Scheduler scheduler;

    /**
     * @param schedulerFactory builds the scheduler for the given tasks: {@code SchedulerSetup} in
     *     production, a manual scheduler in tests
     */
    public Timekeeper(
            ConversationService service,
            NudgeLog nudgeLog,
            Function<Platform, ChannelPort> channels,
            Clock clock,
            Function<List<Task<?>>, Scheduler> schedulerFactory) {
        this.service = service;
        this.clock = clock;
        ReminderRun run = new ReminderRun(service, nudgeLog, channels, clock, counters);
        this.reminder =
                Tasks.custom(REMINDER, String.class)
                        .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
                        .execute(
                                (instance, context) -> {
                                    UserKey user = TaskIds.user(instance.getId());
                                    Instant due = context.getExecution().executionTime;
                                    run.remind(user, TaskIds.chat(instance.getData()), due, false);
                                    return next(user, due);
                                });
        this.snooze =
                Tasks.oneTime(SNOOZE, String.class)
                        .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
                        .execute(
                                (instance, context) ->
                                        run.remind(
                                                TaskIds.user(instance.getId()),
                                                TaskIds.chat(instance.getData()),
                                                context.getExecution().executionTime,
                                                true));
        this.stepTimer =
                Tasks.oneTime(STEP_TIMER, String.class)
                        .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY))
                        .execute(
                                (instance, context) -> {
                                    UserKey user = TaskIds.user(instance.getId());
                                    int token = TaskIds.token(instance.getId());
                                    service.accept(
                                            new Inbound.TimerFired(
                                                    user,
                                                    TaskIds.chat(instance.getData()),
                                                    "timer:" + token,
                                                    token),
                                            channels.apply(user.platform()));
                                });
        this.scheduler = schedulerFactory.apply(List.of(reminder, snooze, stepTimer));
    }

    public void start() {
        scheduler.start();
    }

    public SchedulerClient client() {
        return scheduler;
    }

    public ReminderCounters counters() {
        return counters;
    }

    /**
     * After a reminder: the plan's next due time, as the plan stands now (the user may have changed
     * it).
     */
    private CompletionHandler<String> next(UserKey user, Instant due) {
        Optional<NudgePlan> plan = service.storedSession(user).map(Session::nudge);
        if (plan.isEmpty()) {
            return (complete, operations) -> operations.stop();
        }
        // Not before the late limit: after a long outage the next one is the first still worth
        // sending.
        Instant after = max(due, clock.instant().minus(ReminderRun.LATE_LIMIT));
        Instant at = plan.get().nextDue(after);
        return (complete, operations) -> operations.reschedule(complete, at);
    }

    /**
     * Tasks lost between a committed turn and its effect (a crash) are put back from the stored
     * plans.
     */
    public int restoreMissingReminders(List<UserKey> usersWithPlanButNoTask) {
        int restored = 0;
        for (UserKey user : usersWithPlanButNoTask) {
            Optional<NudgePlan> plan = service.storedSession(user).map(Session::nudge);
            if (plan.isPresent()) {
                restored +=
                        scheduler.scheduleIfNotExists(
                                        reminder.instance(
                                                TaskIds.of(user),
                                                TaskIds.chat(
                                                        new dev.backcoach.core.model.ChatRef(
                                                                user.userId(), true))),
                                        plan.get().nextDue(clock.instant()))
                                ? 1
                                : 0;
            }
        }
        return restored;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
