package dev.backcoach.core.engine;

import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The evening reminder: {@code /nudge} and its arguments, the reminder itself, and the buttons on
 * it. Buttons on a reminder are commands naming the reminder's local date, so they keep working
 * whatever the user does meanwhile, and an old one is recognised as old.
 */
final class Nudges {
    static final Duration SNOOZE = Duration.ofHours(1);
    static final int PAUSE_DAYS = 7;

    /** After this many reminders in a row without a reaction, ask whether to remind less often. */
    static final int ASK_AFTER_IGNORED = 3;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.BASIC_ISO_DATE;

    private final Texts texts;
    private final Access access;
    private final NudgeSetup setup;

    Nudges(Texts texts, Access access) {
        this.texts = texts;
        this.access = access;
        this.setup = new NudgeSetup(texts, this);
    }

    NudgeSetup setup() {
        return setup;
    }

    /**
     * {@code /nudge}, {@code /nudge 20:30 Europe/Berlin}, and the verbs the reminder's buttons
     * send.
     */
    Outcome command(Session s, String argument, ChatRef chat, Instant now) {
        if (!s.onboarded()) {
            return access.onboard(s, texts.get("onboarding.needed"));
        }
        String[] words = argument.strip().toLowerCase(Locale.ROOT).split("\\s+", 2);
        String rest = words.length > 1 ? words[1] : "";
        NudgePlan plan = s.nudge();
        switch (words[0]) {
            case "stop":
            case "off":
                return plan == null
                        ? Outcome.only(s, texts.get("nudge.already_off"))
                        : stop(s, chat);
            case "start":
                // A reminder before noon starts the morning routine; any later one, the evening
                // routine.
                return access.begin(
                        s,
                        Ratings.today(s, now),
                        plan != null && plan.time().getHour() < 12
                                ? "routine:morning"
                                : "routine:evening");
            default:
                break;
        }
        if (plan != null) {
            Optional<Outcome> verb = verb(s, plan, words[0], rest, chat, now);
            if (verb.isPresent()) {
                return verb.get();
            }
        }
        if (!s.route().allowsTechniques()) {
            return Outcome.to(s.withDialogue(Dialogue.IDLE), texts.get("nudge.not_for_route"));
        }
        if (argument.isBlank()) {
            return Outcome.to(
                    s.withDialogue(
                            plan == null ? new Dialogue.NudgeTime() : new Dialogue.NudgeMenu()));
        }
        return setup.fromArgument(s, argument, chat, now);
    }

    /** Answers to a reminder and the menu's actions; empty when {@code verb} is none of them. */
    private Optional<Outcome> verb(
            Session s, NudgePlan plan, String verb, String rest, ChatRef chat, Instant now) {
        LocalDate today = plan.localDate(now);
        switch (verb) {
            case "snooze":
                if (!today.equals(day(rest))) {
                    return Optional.of(Outcome.only(s, texts.get("nudge.old")));
                }
                Instant at = now.plus(SNOOZE);
                return Optional.of(
                        Outcome.only(s, texts.get("nudge.snoozed", "time", clock(at, plan.zone())))
                                .with(new Effect.SnoozeNudge(s.user(), chat, at)));
            case "skip":
                if (!today.equals(day(rest))) {
                    return Optional.of(Outcome.only(s, texts.get("nudge.old")));
                }
                return Optional.of(
                        Outcome.only(s, texts.get("nudge.skipped"))
                                .with(new Effect.ScheduleNudge(s.user(), chat, plan.nextDue(now))));
            case "pause":
                return Optional.of(
                        save(
                                s,
                                plan.withPausedUntil(today.plusDays(PAUSE_DAYS)),
                                chat,
                                now,
                                "nudge.paused"));
            case "resume":
                return Optional.of(save(s, plan.withPausedUntil(null), chat, now, "nudge.resumed"));
            case "fewer":
                return Optional.of(
                        save(s, plan.withDays(fewer(plan.days())), chat, now, "nudge.fewer"));
            case "keep":
                return Optional.of(
                        Outcome.only(s.withNudge(plan.answered()), texts.get("nudge.kept")));
            default:
                return Optional.empty();
        }
    }

    Outcome stop(Session s, ChatRef chat) {
        return Outcome.to(s.withNudge(null).withDialogue(Dialogue.IDLE), texts.get("nudge.stopped"))
                .with(new Effect.ScheduleNudge(s.user(), chat, null));
    }

    /** Keeps the plan and tells the user when the next reminder comes. */
    Outcome save(Session s, NudgePlan plan, ChatRef chat, Instant now, String key) {
        Instant next = plan.nextDue(now);
        String note =
                texts.get(
                        key,
                        "time",
                        plan.time(),
                        "zone",
                        plan.zone().getId(),
                        "days",
                        days(plan.days()),
                        "next",
                        texts.date(LocalDate.ofInstant(next, plan.zone())) + " " + plan.time());
        return Outcome.to(s.withNudge(plan).withDialogue(Dialogue.IDLE), note)
                .with(new Effect.ScheduleNudge(s.user(), chat, next));
    }

    /** The reminder itself, or nothing when it should not go out (see the conditions below). */
    Turn due(Session s, Inbound.NudgeDue due) {
        NudgePlan plan = s.nudge();
        if (plan == null || !s.onboarded() || !s.route().allowsTechniques() || s.unreachable()) {
            return new Turn(s, List.of(), List.of());
        }
        LocalDate day = plan.localDate(due.dueAt());
        if (plan.pausedOn(day) || (!due.snoozed() && !plan.on(day.getDayOfWeek()))) {
            return new Turn(s, List.of(), List.of());
        }
        NudgePlan sent = plan.sent();
        Reply reply =
                !due.snoozed()
                                && sent.ignored() >= ASK_AFTER_IGNORED
                                && sent.ignored() % ASK_AFTER_IGNORED == 0
                        ? askFewer(plan)
                        : reminder(s, day, due.snoozed());
        return new Turn(s.withNudge(sent), List.of(reply), List.of());
    }

    /**
     * The weekly summary on the user's summary day (see {@link NudgePlan#summaryOn}), under every
     * rule of the reminder: the service fills it in from the store once the turn is done.
     */
    Turn weeklyDue(Session s, Inbound.WeeklySummaryDue due) {
        NudgePlan plan = s.nudge();
        if (plan == null || !s.onboarded() || !s.route().allowsTechniques() || s.unreachable()) {
            return new Turn(s, List.of(), List.of());
        }
        LocalDate day = plan.localDate(due.dueAt());
        if (plan.pausedOn(day) || !plan.summaryOn(day)) {
            return new Turn(s, List.of(), List.of());
        }
        return new Turn(s, List.of(), List.of(new Effect.ShowProgress(s.user(), true, "")));
    }

    private Reply reminder(Session s, LocalDate day, boolean snoozed) {
        List<String> nudges = texts.catalog().nudges();
        // Varied from day to day, and not the same for everyone on the same day.
        int pick = Math.floorMod(day.toEpochDay() + s.user().userId().hashCode(), nudges.size());
        NudgePlan plan = s.nudge();
        String greeting =
                (plan == null ? Optional.<String>empty() : greeting(plan.time()).map(texts::get))
                        .orElse(nudges.get(pick));
        int streak = Habits.streak(s.habits(), day);
        if (streak >= 2) {
            greeting = greeting + "\n\n" + texts.get("nudge.streak", "days", streak);
        }
        String stamp = STAMP.format(day);
        Button start = command("button.nudge_start", "start " + stamp);
        Button later = command("button.nudge_snooze", "snooze " + stamp);
        Button skip = command("button.nudge_skip", "skip " + stamp);
        List<List<Button>> rows =
                List.of(
                        snoozed ? List.of(start, skip) : List.of(start, later, skip),
                        List.of(
                                command("button.nudge_pause", "pause"),
                                command("button.nudge_stop", "stop")));
        return new Reply(greeting, rows, false);
    }

    /**
     * The catalog's reminders speak of the evening; at other hours one that fits the time of day.
     */
    private static Optional<String> greeting(LocalTime time) {
        int hour = time.getHour();
        if (hour >= 17) {
            return Optional.empty();
        }
        return Optional.of(
                hour < 5
                        ? "nudge.greeting_night"
                        : hour < 12 ? "nudge.greeting_morning" : "nudge.greeting_afternoon");
    }

    private Reply askFewer(NudgePlan plan) {
        return new Reply(
                texts.get("nudge.ask_fewer", "days", days(fewer(plan.days()))),
                List.of(
                        List.of(
                                command("button.nudge_fewer", "fewer"),
                                command("button.nudge_keep", "keep")),
                        List.of(command("button.nudge_stop", "stop"))),
                false);
    }

    /** About half the chosen days: every other one of them, at least one. */
    static int fewer(int days) {
        int kept = 0;
        boolean keep = true;
        for (int bit = 0; bit < 7; bit++) {
            if ((days & (1 << bit)) != 0) {
                kept |= keep ? 1 << bit : 0;
                keep = !keep;
            }
        }
        return kept;
    }

    String days(int days) {
        if (days == NudgePlan.EVERY_DAY) {
            return texts.get("nudge.every_day");
        } else if (days == NudgePlan.WEEKDAYS) {
            return texts.get("nudge.weekdays");
        } else if (days == NudgePlan.WEEKENDS) {
            return texts.get("nudge.weekends");
        }
        StringBuilder names = new StringBuilder();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            if ((days & NudgePlan.bit(day)) != 0) {
                names.append(names.length() == 0 ? "" : ", ").append(texts.dayName(day));
            }
        }
        return names.toString();
    }

    private static String clock(Instant at, ZoneId zone) {
        return LocalTime.ofInstant(at, zone).withSecond(0).withNano(0).toString();
    }

    private static LocalDate day(String stamp) {
        try {
            return LocalDate.parse(stamp.strip(), STAMP);
        } catch (DateTimeParseException e) {
            return LocalDate.MIN;
        }
    }

    private Button command(String labelKey, String argument) {
        return new Button(texts.get(labelKey), ButtonData.command("nudge", argument));
    }
}
