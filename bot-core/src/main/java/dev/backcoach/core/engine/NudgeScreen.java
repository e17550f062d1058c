package dev.backcoach.core.engine;

import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** What the reminder set-up shows at each step: the question and its buttons. */
final class NudgeScreen {
    private static final List<LocalTime> USUAL_TIMES =
            List.of(
                    LocalTime.of(18, 0),
                    LocalTime.of(19, 0),
                    LocalTime.of(20, 0),
                    LocalTime.of(21, 0),
                    LocalTime.of(22, 0));

    private final Texts texts;
    private final Nudges nudges;

    NudgeScreen(Texts texts, Nudges nudges) {
        this.texts = texts;
        this.nudges = nudges;
    }

    Reply render(Session s) {
        Dialogue d = s.dialogue();
        int seq = s.promptSeq();
        List<List<Button>> rows = new ArrayList<>();
        String text;
        if (d instanceof Dialogue.NudgeTime) {
            text = texts.get("nudge.ask_time");
            rows.add(USUAL_TIMES.stream().map(t -> timeButton(seq, t, t.toString())).toList());
        } else if (d instanceof Dialogue.NudgeAmOrPm a) {
            LocalTime evening = a.morning().plusHours(12);
            text =
                    texts.get(
                            "nudge.am_or_pm",
                            "pm",
                            AmOrPm.label(evening),
                            "am",
                            AmOrPm.label(a.morning()));
            rows.add(
                    List.of(
                            timeButton(seq, evening, AmOrPm.label(evening)),
                            timeButton(seq, a.morning(), AmOrPm.label(a.morning()))));
        } else if (d instanceof Dialogue.NudgeZone z) {
            text = texts.get("nudge.ask_zone", "time", z.time());
            for (int i = 0; i < z.suggestions().size(); i++) {
                rows.add(
                        List.of(
                                new Button(
                                        z.suggestions().get(i).replace('_', ' '),
                                        ButtonData.answer(seq, "z" + i))));
            }
        } else if (d instanceof Dialogue.NudgeDays days) {
            text =
                    texts.get(
                            "nudge.ask_days",
                            "time",
                            days.time(),
                            "zone",
                            days.zone().getId(),
                            "days",
                            days.days() == 0 ? "-" : nudges.days(days.days()));
            rows.add(dayButtons(seq, days.days(), 0, 4));
            rows.add(dayButtons(seq, days.days(), 4, 7));
            rows.add(
                    List.of(
                            new Button(texts.get("nudge.every_day"), ButtonData.answer(seq, "all")),
                            new Button(texts.get("nudge.weekdays"), ButtonData.answer(seq, "wk")),
                            new Button(texts.get("nudge.weekends"), ButtonData.answer(seq, "we"))));
            rows.add(
                    List.of(
                            new Button(
                                    texts.get("button.nudge_done"), ButtonData.answer(seq, "ok"))));
        } else {
            NudgePlan plan = s.nudge();
            text =
                    plan == null
                            ? texts.get("nudge.already_off")
                            : texts.get(
                                    "nudge.menu",
                                    "time",
                                    plan.time(),
                                    "zone",
                                    plan.zone().getId(),
                                    "days",
                                    nudges.days(plan.days()),
                                    "paused",
                                    plan.pausedUntil() == null
                                            ? ""
                                            : texts.get(
                                                    "nudge.menu_paused",
                                                    "until",
                                                    texts.date(plan.pausedUntil())));
            rows.add(
                    List.of(
                            new Button(
                                    texts.get("button.nudge_change_time"),
                                    ButtonData.answer(seq, "ct")),
                            new Button(
                                    texts.get("button.nudge_change_days"),
                                    ButtonData.answer(seq, "cd")),
                            new Button(
                                    texts.get("button.nudge_change_zone"),
                                    ButtonData.answer(seq, "cz"))));
            boolean paused = plan != null && plan.pausedUntil() != null;
            rows.add(
                    List.of(
                            new Button(
                                    texts.get(
                                            paused ? "button.nudge_resume" : "button.nudge_pause"),
                                    ButtonData.command("nudge", paused ? "resume" : "pause")),
                            new Button(
                                    texts.get("button.nudge_stop"),
                                    ButtonData.command("nudge", "stop"))));
        }
        rows.add(List.of(new Button(texts.get("button.menu"), ButtonData.command("menu", ""))));
        return new Reply(text, rows, false);
    }

    private static Button timeButton(int seq, LocalTime time, String label) {
        return new Button(label, ButtonData.answer(seq, "t" + time.toString().replace(":", "")));
    }

    private List<Button> dayButtons(int seq, int days, int from, int to) {
        List<Button> row = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String name = texts.dayName(DayOfWeek.of(i + 1));
            row.add(
                    new Button(
                            ((days >> i) & 1) != 0 ? "✅ " + name : name,
                            ButtonData.answer(seq, "d" + i)));
        }
        return row;
    }
}
