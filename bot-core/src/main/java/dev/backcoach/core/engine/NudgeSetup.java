package dev.backcoach.core.engine;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Choosing the reminder: time, then time zone, then days. With a reminder already on, changing one
 * of them saves at once and keeps the others.
 */
final class NudgeSetup {
    private final Texts texts;
    private final Nudges nudges;
    private final NudgeScreen screen;

    NudgeSetup(Texts texts, Nudges nudges) {
        this.texts = texts;
        this.nudges = nudges;
        this.screen = new NudgeScreen(texts, nudges);
    }

    static boolean owns(Dialogue d) {
        return d instanceof Dialogue.NudgeTime
                || d instanceof Dialogue.NudgeAmOrPm
                || d instanceof Dialogue.NudgeZone
                || d instanceof Dialogue.NudgeDays
                || d instanceof Dialogue.NudgeMenu;
    }

    /** {@code /nudge 20:30} or {@code /nudge 20:30 Europe/Berlin}: as far as the argument goes. */
    Outcome fromArgument(Session s, String argument, ChatRef chat, Instant now) {
        String[] parts = argument.strip().split("\\s+", 2);
        Optional<LocalTime> time = Zones.parseTime(parts[0]);
        if (time.isEmpty()) {
            return Outcome.to(
                    s.withDialogue(new Dialogue.NudgeTime()),
                    texts.get("nudge.bad_time", "typed", Labels.shorten(parts[0])));
        }
        if (AmOrPm.unsure(parts[0], time.get())) {
            return Outcome.to(s.withDialogue(new Dialogue.NudgeAmOrPm(AmOrPm.morning(time.get()))));
        }
        if (parts.length == 2) {
            List<String> zone = Zones.lookup(parts[1]);
            if (zone.size() == 1) {
                // Time and zone in one go (Discord's options): every day unless days were chosen
                // before.
                NudgePlan plan =
                        s.nudge() == null
                                ? NudgePlan.of(
                                        time.get(), ZoneId.of(zone.get(0)), NudgePlan.EVERY_DAY)
                                : s.nudge()
                                        .withSchedule(
                                                time.get(),
                                                ZoneId.of(zone.get(0)),
                                                s.nudge().days());
                return nudges.save(s, plan, chat, now, "nudge.saved");
            }
            return zoneTyped(
                    s.withDialogue(new Dialogue.NudgeZone(time.get(), List.of())),
                    time.get(),
                    parts[1],
                    chat,
                    now);
        }
        return timeChosen(s, time.get(), chat, now);
    }

    Outcome answer(Session s, String action, ChatRef chat, Instant now) {
        Dialogue d = s.dialogue();
        if ((d instanceof Dialogue.NudgeTime || d instanceof Dialogue.NudgeAmOrPm)
                && action.matches("t\\d{4}")) {
            LocalTime time =
                    LocalTime.of(
                            Integer.parseInt(action.substring(1, 3)),
                            Integer.parseInt(action.substring(3)));
            return timeChosen(s, time, chat, now);
        } else if (d instanceof Dialogue.NudgeZone z
                && action.matches("z\\d")
                && action.charAt(1) - '0' < z.suggestions().size()) {
            return zoneChosen(
                    s, z.time(), ZoneId.of(z.suggestions().get(action.charAt(1) - '0')), chat, now);
        } else if (d instanceof Dialogue.NudgeDays days) {
            return daysAnswer(s, days, action, chat, now);
        } else if (d instanceof Dialogue.NudgeMenu && s.nudge() != null) {
            NudgePlan plan = s.nudge();
            switch (action) {
                case "ct":
                    return Outcome.to(s.withDialogue(new Dialogue.NudgeTime()));
                case "cz":
                    return Outcome.to(
                            s.withDialogue(new Dialogue.NudgeZone(plan.time(), List.of())));
                case "cd":
                    return Outcome.to(
                            s.withDialogue(
                                    new Dialogue.NudgeDays(plan.time(), plan.zone(), plan.days())));
                default:
                    break;
            }
        }
        return Outcome.to(s, texts.get("input.stale_button")).markedStale();
    }

    /** Typed text while choosing a time or a zone; empty when the dialogue takes no typing. */
    Optional<Outcome> typed(Session s, String text, ChatRef chat, Instant now) {
        if (s.dialogue() instanceof Dialogue.NudgeAmOrPm a) {
            Optional<LocalTime> half = AmOrPm.half(text, a.morning());
            if (half.isPresent()) {
                return Optional.of(timeChosen(s, half.get(), chat, now));
            }
        }
        if (s.dialogue() instanceof Dialogue.NudgeTime
                || s.dialogue() instanceof Dialogue.NudgeAmOrPm) {
            return Optional.of(
                    Zones.parseTime(text)
                            .map(
                                    time ->
                                            AmOrPm.unsure(text, time)
                                                    ? Outcome.to(
                                                            s.withDialogue(
                                                                    new Dialogue.NudgeAmOrPm(
                                                                            AmOrPm.morning(time))))
                                                    : timeChosen(s, time, chat, now))
                            .orElseGet(
                                    () ->
                                            Outcome.to(
                                                    s,
                                                    texts.get(
                                                            "nudge.bad_time",
                                                            "typed",
                                                            Labels.shorten(text)))));
        } else if (s.dialogue() instanceof Dialogue.NudgeZone z) {
            return Optional.of(zoneTyped(s, z.time(), text, chat, now));
        }
        return Optional.empty();
    }

    private Outcome timeChosen(Session s, LocalTime time, ChatRef chat, Instant now) {
        NudgePlan plan = s.nudge();
        if (plan != null) {
            return nudges.save(
                    s, plan.withSchedule(time, plan.zone(), plan.days()), chat, now, "nudge.saved");
        }
        return Outcome.to(s.withDialogue(new Dialogue.NudgeZone(time, List.of())));
    }

    /** A zone or city name, or the user's local time ("what time is it where you are?"). */
    private Outcome zoneTyped(Session s, LocalTime time, String text, ChatRef chat, Instant now) {
        Optional<LocalTime> theirClock = Zones.parseTime(text);
        List<String> found =
                theirClock.map(t -> Zones.whereItIs(t, now)).orElseGet(() -> Zones.lookup(text));
        if (found.size() == 1 && theirClock.isEmpty()) {
            return zoneChosen(s, time, ZoneId.of(found.get(0)), chat, now);
        }
        if (found.isEmpty()) {
            return Outcome.to(
                    s.withDialogue(new Dialogue.NudgeZone(time, List.of())),
                    texts.get("nudge.bad_zone", "typed", Labels.shorten(text)));
        }
        return Outcome.to(
                s.withDialogue(new Dialogue.NudgeZone(time, found)), texts.get("nudge.pick_zone"));
    }

    private Outcome zoneChosen(Session s, LocalTime time, ZoneId zone, ChatRef chat, Instant now) {
        NudgePlan plan = s.nudge();
        if (plan != null) {
            return nudges.save(
                    s, plan.withSchedule(time, zone, plan.days()), chat, now, "nudge.saved");
        }
        return Outcome.to(s.withDialogue(new Dialogue.NudgeDays(time, zone, NudgePlan.EVERY_DAY)));
    }

    private Outcome daysAnswer(
            Session s, Dialogue.NudgeDays d, String action, ChatRef chat, Instant now) {
        int days;
        if (action.matches("d[0-6]")) {
            days = d.days() ^ (1 << (action.charAt(1) - '0'));
        } else if (action.equals("all")) {
            days = NudgePlan.EVERY_DAY;
        } else if (action.equals("wk")) {
            days = NudgePlan.WEEKDAYS;
        } else if (action.equals("we")) {
            days = NudgePlan.WEEKENDS;
        } else if (action.equals("ok")) {
            if (d.days() == 0) {
                return Outcome.pressNote(s, texts.get("nudge.no_days"));
            }
            NudgePlan plan =
                    s.nudge() == null
                            ? NudgePlan.of(d.time(), d.zone(), d.days())
                            : s.nudge().withSchedule(d.time(), d.zone(), d.days());
            return nudges.save(s, plan, chat, now, "nudge.saved");
        } else {
            return Outcome.to(s, texts.get("input.stale_button")).markedStale();
        }
        if (days == d.days()) {
            return Outcome.pressNote(
                    s, texts.get("nudge.already_chosen", "days", nudges.days(days)));
        }
        return Outcome.to(s.withDialogue(new Dialogue.NudgeDays(d.time(), d.zone(), days)))
                .replacing();
    }

    Reply render(Session s) {
        return screen.render(s);
    }
}
