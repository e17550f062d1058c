package dev.backcoach.storage.schedule;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.EffectHandler;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's {@link EffectHandler}: the engine's effects become rows in db-scheduler's table
 * through a scheduling-only {@link SchedulerClient}. It runs nothing, so it needs no service and is
 * built before it; the {@link Timekeeper}, which runs the tasks and calls the service, comes after.
 */
public final class Scheduling implements EffectHandler {
    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);

    private final SchedulerClient client;
    private final Clock clock;

    /**
     * @param client a client on the bot's database with {@link TaskData} as its serializer
     */
    public Scheduling(SchedulerClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public void apply(Effect effect) {
        if (effect instanceof Effect.StartTimer t) {
            client.scheduleIfNotExists(
                    instance(Timekeeper.STEP_TIMER, TaskIds.timer(t.user(), t.token()), t.chat()),
                    clock.instant().plus(t.delay()));
        } else if (effect instanceof Effect.ScheduleNudge n) {
            cancel(Timekeeper.SNOOZE, n.user());
            if (n.at() == null) {
                cancel(Timekeeper.REMINDER, n.user());
            } else {
                schedule(instance(Timekeeper.REMINDER, TaskIds.of(n.user()), n.chat()), n.at());
            }
        } else if (effect instanceof Effect.SnoozeNudge n) {
            schedule(instance(Timekeeper.SNOOZE, TaskIds.of(n.user()), n.chat()), n.at());
        }
        // Forget: the store deleted the user's tasks in the same transaction as everything else.
    }

    private static TaskInstance<String> instance(String task, String id, ChatRef chat) {
        return new TaskInstance<>(task, id, TaskIds.chat(chat));
    }

    private void schedule(TaskInstance<String> instance, Instant at) {
        try {
            client.schedule(instance, at, SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
        } catch (TaskInstanceCurrentlyExecutingException e) {
            // The reminder is being sent right now; when it completes it reschedules from the
            // stored plan.
            log.debug("reminder running while its plan changed; it reschedules itself");
        }
    }

    private void cancel(String task, UserKey user) {
        try {
            client.cancel(TaskInstanceId.of(task, TaskIds.of(user)));
        } catch (TaskInstanceNotFoundException e) {
            // nothing scheduled: nothing to cancel
        } catch (TaskInstanceCurrentlyExecutingException e) {
            log.debug(
                    "a reminder is running while it is being stopped; it finds no plan and stops");
        }
    }
}
