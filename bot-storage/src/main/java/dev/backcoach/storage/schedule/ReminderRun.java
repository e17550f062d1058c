package dev.backcoach.storage.schedule;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.ChannelPort;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.storage.NudgeLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One due reminder: too late, not to be sent, or claimed and sent. The task thread waits until the
 * platform took the message, so reminders leave at the adapter's send budget and nothing waits in
 * memory. The claim stays CLAIMED until the platform has the message (SENT), so a crash in between
 * leaves a claim the scheduler's next run of the task takes over and sends.
 */
final class ReminderRun {
    private static final Logger log = LoggerFactory.getLogger(ReminderRun.class);

    /**
     * A reminder later than this (the bot was down) is skipped: an evening nudge at midnight helps
     * nobody.
     */
    static final Duration LATE_LIMIT = Duration.ofHours(2);

    /** How long a task thread waits for the platform; beyond it, the send counts as failed. */
    static final Duration SEND_WAIT = Duration.ofMinutes(10);

    /** The kind of the weekly summary's claim in the reminder log. */
    static final String WEEKLY = "weekly";

    private final ConversationService service;
    private final NudgeLog nudgeLog;
    private final Function<Platform, ChannelPort> channels;
    private final Clock clock;
    private final ReminderCounters counters;

    ReminderRun(
            ConversationService service,
            NudgeLog nudgeLog,
            Function<Platform, ChannelPort> channels,
            Clock clock,
            ReminderCounters counters) {
        this.service = service;
        this.nudgeLog = nudgeLog;
        this.channels = channels;
        this.clock = clock;
        this.counters = counters;
    }

    void remind(UserKey user, ChatRef chat, Instant due, boolean snoozed) {
        Optional<NudgePlan> plan = service.storedSession(user).map(Session::nudge);
        if (plan.isEmpty()) {
            counters.skipped.increment();
            return;
        }
        LocalDate day = plan.get().localDate(due);
        String kind = snoozed ? "snooze" : "evening";
        Duration late = Duration.between(due, clock.instant());
        if (late.compareTo(LATE_LIMIT) > 0) {
            boolean first = nudgeLog.claim(user, day, kind, due, NudgeLog.Status.LATE);
            if (first) {
                counters.late.increment();
                log.info(
                        "skipped a {} reminder due {} ago: more than {} late",
                        user.platform(),
                        late,
                        LATE_LIMIT);
            }
            return;
        }
        // Run again after a crash, the same event id replays the stored reminder; the claim
        // decides.
        Turn turn =
                service.handle(
                        new Inbound.NudgeDue(
                                user, chat, "nudge:" + kind + ":" + day, due, snoozed));
        if (turn.replies().isEmpty()) {
            counters.skipped.increment();
        } else {
            send(user, chat, turn, day, kind, due);
        }
        if (!snoozed && plan.get().summaryOn(day)) {
            weekly(user, chat, due, day);
        }
    }

    /**
     * The weekly summary, after the reminder of the summary day. Its claim is keyed by the week
     * (its Monday), so it goes out once a week even if the user moves their days mid-week; the
     * engine applies every rule of the reminder to it.
     */
    private void weekly(UserKey user, ChatRef chat, Instant due, LocalDate day) {
        LocalDate week = day.with(java.time.DayOfWeek.MONDAY);
        Turn turn =
                service.handle(
                        new Inbound.WeeklySummaryDue(user, chat, "nudge:weekly:" + week, due));
        if (!turn.replies().isEmpty()) {
            send(user, chat, turn, week, WEEKLY, due);
        }
    }

    private void send(
            UserKey user, ChatRef chat, Turn turn, LocalDate day, String kind, Instant due) {
        ChannelPort.Claim claim =
                new ChannelPort.Claim() {
                    @Override
                    public boolean claim() {
                        return nudgeLog.claim(user, day, kind, due, NudgeLog.Status.CLAIMED);
                    }

                    @Override
                    public void handedOver() {
                        nudgeLog.mark(user, day, kind, NudgeLog.Status.SENT);
                    }

                    @Override
                    public void notHandedOver() {
                        nudgeLog.mark(user, day, kind, NudgeLog.Status.CLAIMED);
                    }
                };
        var sending =
                channels.apply(user.platform()).deliverOnce(user, chat, turn.replies(), claim);
        try {
            if (sending.get(SEND_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                counters.sent.increment();
            } else {
                counters.alreadyClaimed.increment();
            }
        } catch (ExecutionException e) {
            counters.failed.increment();
            log.warn(
                    "a {} reminder could not be delivered: {}",
                    user.platform(),
                    String.valueOf(e.getCause()));
            nudgeLog.mark(user, day, kind, NudgeLog.Status.FAILED);
        } catch (TimeoutException e) {
            counters.failed.increment();
            log.warn(
                    "a {} reminder was not sent within {}; it may still go out",
                    user.platform(),
                    SEND_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread()
                    .interrupt(); // shutting down: the claim stays, the message may still leave
        }
    }
}
