package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Renders the pending question of a session: its text and buttons. Rendering is repeatable, so
 * after unclear input the same question (with the same, still valid buttons) is simply shown again.
 */
final class Prompts {
    /** Discord's limits, the tighter of the two platforms: at most 5 rows of at most 5 buttons. */
    static final int MAX_ROWS = 5;

    static final int MAX_PER_ROW = 5;

    private final Texts texts;
    private final Catalog catalog;
    private final GuideView guideView;
    private final NudgeSetup nudgeSetup;
    private final RedFlags redFlags;
    private final ZoneQuestion zoneQuestion;

    private final SafetyCheck check;
    private final PlanScreen plan;

    Prompts(
            Texts texts,
            NudgeSetup nudgeSetup,
            SafetyCheck check,
            PlanScreen plan,
            RedFlags redFlags,
            ZoneQuestion zoneQuestion) {
        this.zoneQuestion = zoneQuestion;
        this.texts = texts;
        this.nudgeSetup = nudgeSetup;
        this.check = check;
        this.plan = plan;
        this.redFlags = redFlags;
        this.catalog = texts.catalog();
        this.guideView = new GuideView(texts);
    }

    Reply render(Session s) {
        Dialogue d = s.dialogue();
        int seq = s.promptSeq();
        if (d instanceof Dialogue.AskAdult) {
            return yesNo(seq, texts.get("start.ask_adult"), "button.yes", "button.no");
        } else if (d instanceof Dialogue.WelcomeBack) {
            return new Reply(
                    texts.get("start.welcome_back"),
                    List.of(
                            List.of(
                                    command("button.carry_on", "menu", ""),
                                    command("button.start_over", "check", ""))),
                    false);
        } else if (d instanceof Dialogue.AskConsent) {
            return yesNo(seq, texts.get("start.ask_consent"), "button.agree", "button.decline");
        } else if (d instanceof Dialogue.Check) {
            return check.render(s);
        } else if (d instanceof Dialogue.AskClearance) {
            return yesNo(seq, texts.get("clear_first.ask"), "button.cleared", "button.not_cleared");
        } else if (d instanceof Dialogue.Planning p) {
            return plan.render(s, p);
        } else if (d instanceof Dialogue.SymptomCheckIn) {
            return yesNo(seq, texts.get("techniques.symptom_checkin"), "button.yes", "button.no");
        } else if (d instanceof Dialogue.ChoosingTechnique) {
            return techniqueMenu(s);
        } else if (d instanceof Dialogue.ChoosingRoutine) {
            return new Reply(texts.get("routine.choose"), List.of(routineButtons()), false);
        } else if (d instanceof Dialogue.ChoosingLesson) {
            return lessonMenu();
        } else if (d instanceof Dialogue.Guiding g) {
            return guideView.render(s, g.guide());
        } else if (d instanceof Dialogue.HurtCheck) {
            return yesNo(seq, texts.get("hurt.ask"), "button.yes", "button.no");
        } else if (d instanceof Dialogue.EaseOff) {
            return yesNo(
                    seq, texts.get("hurt.dull"), "button.continue_gently", "button.stop_today");
        } else if (d instanceof Dialogue.Rating) {
            return ratingPrompt(seq);
        } else if (d instanceof Dialogue.ConfirmForget) {
            return yesNo(seq, texts.get("forget.confirm"), "button.forget_yes", "button.forget_no");
        } else if (d instanceof Dialogue.Settings) {
            return settingsPrompt(s);
        } else if (d instanceof Dialogue.AskZone ask) {
            return zoneQuestion.render(s, ask);
        } else if (d instanceof Dialogue.ConfirmFlag c) {
            return redFlags.render(c, seq);
        } else if (NudgeSetup.owns(d)) {
            return nudgeSetup.render(s);
        }
        return mainMenu(s);
    }

    /** Every yes/no question answers with actions {@code y} and {@code n}. */
    private Reply yesNo(int seq, String text, String yesKey, String noKey) {
        return new Reply(
                text,
                List.of(
                        List.of(
                                new Button(texts.get(yesKey), ButtonData.answer(seq, "y")),
                                new Button(texts.get(noKey), ButtonData.answer(seq, "n")))),
                false);
    }

    Reply mainMenu(Session s) {
        if (s.route() == Route.EMERGENCY) {
            return Reply.text(RouteReason.prefixed(texts, s, "outcome.emergency_locked"));
        }
        List<List<Button>> rows = new ArrayList<>();
        if (!s.onboarded()) {
            rows.add(
                    List.of(
                            command("button.start", "start", ""),
                            command("button.help", "help", "")));
        } else if (s.route().allowsTechniques()) {
            if (s.paused() != null) {
                rows.add(List.of(resumeButton(s)));
            }
            rows.add(List.of(command("button.techniques", "techniques", "")));
            rows.add(routineButtons());
            rows.add(
                    List.of(
                            command("button.progress", "progress", ""),
                            command("button.help", "help", "")));
        } else if (s.route() == Route.UNSCREENED) {
            rows.add(
                    List.of(
                            command("button.start_check", "check", ""),
                            command("button.help", "help", "")));
        } else {
            rows.add(
                    List.of(
                            command("button.learn", "learn", ""),
                            command("button.help", "help", "")));
        }
        return new Reply(texts.get("menu.prompt"), rows, false);
    }

    private Reply techniqueMenu(Session s) {
        List<List<Button>> rows = new ArrayList<>();
        List<Technique> fitting = Plans.fitting(catalog, s.equipment());
        // Spread over the rows left after the navigation row, as few per row as that allows.
        int perRow =
                Math.min(
                        MAX_PER_ROW, Math.max(2, (fitting.size() + MAX_ROWS - 2) / (MAX_ROWS - 1)));
        List<Button> row = new ArrayList<>();
        for (Technique t : fitting.subList(0, Math.min(fitting.size(), perRow * (MAX_ROWS - 1)))) {
            row.add(new Button(t.title(), ButtonData.command("techniques", t.id())));
            if (row.size() == perRow) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        // The menu's text offers the routines too, so their buttons are here (at most 5 in this
        // row).
        List<Button> last = new ArrayList<>();
        if (s.paused() != null) {
            last.add(resumeButton(s));
        }
        last.addAll(routineButtons());
        last.add(command("button.learn", "learn", ""));
        last.add(command("button.menu", "menu", ""));
        rows.add(last);
        return new Reply(texts.get("techniques.menu"), rows, false);
    }

    private Reply lessonMenu() {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (var lesson : catalog.lessons()) {
            row.add(new Button(lesson.title(), ButtonData.command("learn", lesson.id())));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        row.add(command("button.menu", "menu", ""));
        rows.add(row);
        return new Reply(texts.get("techniques.learn"), rows, false);
    }

    private Reply ratingPrompt(int seq) {
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (int score = 0; score <= 10; score++) {
            row.add(new Button(Integer.toString(score), ButtonData.answer(seq, "v" + score)));
            if (row.size() == 4) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        row.add(command("button.menu", "menu", "")); // rating is never required
        rows.add(row);
        return new Reply(texts.get("progress.ask"), rows, false);
    }

    private Reply settingsPrompt(Session s) {
        int seq = s.promptSeq();
        String route = ExportSummary.routeName(texts, s);
        Button changed =
                new Button(texts.get("button.symptoms_changed"), ButtonData.answer(seq, "changed"));
        if (!s.route().allowsTechniques()) {
            // A plan and reminders only matter where self-care is offered: show what applies here.
            Button check =
                    s.route() == Route.UNSCREENED
                            ? command("button.start_check", "check", "")
                            : changed;
            return new Reply(
                    texts.get("settings.limited", "route", route),
                    List.of(
                            List.of(check, command("button.menu", "menu", "")),
                            List.of(command("button.language", LanguageChoice.COMMAND, ""))),
                    false);
        }
        String text =
                texts.get("settings", "route", route, "plan", Plans.describe(texts, s.equipment()));
        return new Reply(
                text,
                List.of(
                        List.of(
                                changed,
                                new Button(
                                        texts.get("button.redo_plan"),
                                        ButtonData.answer(seq, "plan"))),
                        List.of(
                                command("button.reminders", "nudge", ""),
                                command("button.language", LanguageChoice.COMMAND, "")),
                        List.of(command("button.menu", "menu", ""))),
                false);
    }

    private List<Button> routineButtons() {
        return List.of(
                command("button.morning", "routine", "morning"),
                command("button.evening", "routine", "evening"));
    }

    private Button resumeButton(Session s) {
        return new Button(
                texts.get(
                        "button.resume",
                        "title",
                        guideView.title(Objects.requireNonNull(s.paused()))),
                ButtonData.command("resume", ""));
    }

    private Button command(String labelKey, String name, String argument) {
        return new Button(texts.get(labelKey), ButtonData.command(name, argument));
    }
}
