package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine in one language: every handler built on that language's catalog (its texts, its
 * red-flag rules, its FAQ). {@link Engine} picks one per turn by the session's language.
 */
final class Voice {
    private final Texts texts;
    private final Prompts prompts;
    private final Commands commands;
    private final Answers answers;
    private final Guidance guidance;
    private final FreeText freeText;
    private final Nudges nudges;
    private final RedFlags redFlags;
    private final ZoneQuestion zoneQuestion;
    private final ProgressReport report;

    Voice(Catalog catalog, java.util.Locale locale) {
        this.texts = new Texts(catalog, locale);
        Access access = new Access(texts);
        this.nudges = new Nudges(texts, access);
        this.redFlags = new RedFlags(texts);
        SafetyCheck check = new SafetyCheck(texts);
        PlanScreen plan = new PlanScreen(texts);
        this.zoneQuestion = new ZoneQuestion(texts, access);
        this.prompts = new Prompts(texts, nudges.setup(), check, plan, redFlags, zoneQuestion);
        this.guidance = new Guidance(texts);
        this.commands = new Commands(texts, access, nudges, check, guidance);
        this.report = new ProgressReport(texts);
        this.answers = new Answers(texts, access, guidance, check, plan);
        this.freeText = new FreeText(texts, prompts);
    }

    Turn handle(Session session, Inbound inbound, Instant now) {
        if (inbound instanceof Inbound.NudgeDue due) {
            return nudges.due(session, due);
        }
        if (inbound instanceof Inbound.WeeklySummaryDue due) {
            return nudges.weeklyDue(session, due);
        }
        boolean fromUser = !(inbound instanceof Inbound.TimerFired);
        if (!fromUser && session.unreachable()) {
            // The platform refuses our messages (blocked bot, closed DMs): another try only adds a
            // refusal.
            return new Turn(session, List.of(), List.of());
        }
        if (fromUser && !inbound.chat().privateChat()) {
            return inGroup(session, inbound);
        }
        boolean wasUnreachable = fromUser && session.unreachable();
        if (wasUnreachable) {
            session =
                    session.withUnreachable(false); // they wrote to us, so we can reach them again
        }
        if (fromUser && session.nudge() != null) {
            session =
                    session.withNudge(
                            session.nudge()
                                    .answered()); // a reminder is ignored only without any reaction
        }
        Outcome outcome;
        Session current = session;
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (inbound instanceof Inbound.Command c) {
            // Discord has no typed messages: what people type goes into a command's options.
            outcome =
                    redFlags.screen(current, c.argument(), today)
                            .orElseGet(
                                    () ->
                                            commands.handle(
                                                    current,
                                                    c.name(),
                                                    c.argument(),
                                                    c.chat(),
                                                    now));
        } else if (inbound instanceof Inbound.Choice c) {
            outcome = press(session, c.data(), inbound, now);
        } else if (inbound instanceof Inbound.Text t) {
            // Every typed message is read for warning signs first, whatever the bot was waiting
            // for.
            outcome =
                    redFlags.screen(current, t.text(), today)
                            .orElseGet(() -> typed(current, t, now));
        } else {
            outcome = guidance.timerFired(session, ((Inbound.TimerFired) inbound).token());
        }
        if (wasUnreachable) {
            // Say why reminders stopped: otherwise they just went quiet (e.g. closed DMs on
            // Discord).
            outcome = outcome.withNoteFirst(texts.get("unreachable.note"));
        }
        return finish(session, outcome);
    }

    private Outcome typed(Session session, Inbound.Text t, Instant now) {
        FreeText.Meaning meaning = freeText.interpret(session, t.text());
        if (meaning instanceof FreeText.Meaning.Press p) {
            return press(session, p.data(), t, now);
        }
        return nudges.setup()
                .typed(session, t.text(), t.chat(), now)
                .or(() -> zoneQuestion.typed(session, t.text()))
                .orElse(((FreeText.Meaning.Say) meaning).outcome());
    }

    /** The readable part of /export, shown before the full file: route, plan, reminder, ratings. */
    String exportSummary(
            Session session, java.util.SortedMap<java.time.LocalDate, Integer> ratings) {
        return ExportSummary.of(texts, session, ratings, nudges);
    }

    /** The pending question as it would be shown now: used to show "where we are" after errors. */
    Reply progress(
            Session session,
            dev.backcoach.core.progress.ProgressLog log,
            Instant now,
            boolean week,
            String lead) {
        return report.report(session, log, now, week, lead);
    }

    Reply currentPrompt(Session session) {
        return prompts.render(session);
    }

    private Outcome press(Session s, String data, Inbound inbound, Instant now) {
        if (data.startsWith("/")) {
            String body = data.substring(1).strip();
            int space = body.indexOf(' ');
            String name = space < 0 ? body : body.substring(0, space);
            String argument = space < 0 ? "" : body.substring(space + 1);
            return commands.handle(
                    s,
                    name.toLowerCase(java.util.Locale.ROOT),
                    argument.length() > 100 ? argument.substring(0, 100) : argument,
                    inbound.chat(),
                    now);
        }
        Optional<ButtonData> parsed = ButtonData.parseAnswer(data);
        if (parsed.isEmpty() || parsed.get().seq() != s.promptSeq()) {
            return answers.stale(s);
        }
        if (RedFlags.isAnswer(parsed.get().action())) {
            return redFlags.answer(
                    s,
                    parsed.get().action(),
                    LocalDate.ofInstant(now, ZoneOffset.UTC),
                    answers.stale(s));
        }
        if (s.dialogue() instanceof Dialogue.AskZone ask) {
            return zoneQuestion.answer(s, ask, parsed.get().action(), answers.stale(s));
        }
        if (NudgeSetup.owns(s.dialogue())) {
            return nudges.setup().answer(s, parsed.get().action(), inbound.chat(), now);
        }
        return answers.handle(s, parsed.get().action(), inbound.chat(), Ratings.today(s, now));
    }

    /**
     * Where others can read along, the bot keeps health topics out: help and privacy are answered,
     * everything else is offered in a private chat. Nothing about the user changes.
     */
    private Turn inGroup(Session s, Inbound inbound) {
        String typed =
                inbound instanceof Inbound.Text t
                        ? t.text()
                        : inbound instanceof Inbound.Command c ? c.argument() : "";
        if (redFlags.emergency(typed)) {
            // Safety first, even where others read along; nothing about the user is stored.
            return new Turn(s, List.of(Reply.text(texts.get("outcome.emergency"))), List.of());
        }
        if (inbound instanceof Inbound.Command c
                && (c.name().equals("help") || c.name().equals("privacy"))) {
            return new Turn(
                    s, List.of(Reply.text(Commands.informational(texts, c.name()))), List.of());
        }
        String payload =
                inbound instanceof Inbound.Command c && Commands.isKnown(c.name())
                        ? c.name()
                        : "start";
        Button privately =
                new Button(texts.get("button.private_chat"), ButtonData.privateChat(payload));
        return new Turn(
                s,
                List.of(
                        new Reply(
                                texts.get("group.private_only"),
                                List.of(List.of(privately)),
                                false)),
                List.of());
    }

    Texts texts() {
        return texts;
    }

    /** A note in this language, then the pending question as it stands: the place is kept. */
    Turn noteAndPrompt(Session session, String note) {
        return finish(session, Outcome.to(session, note));
    }

    private Turn finish(Session before, Outcome outcome) {
        Session next = outcome.session();
        if (!next.dialogue().equals(before.dialogue())) {
            next = next.withPromptSeq(before.promptSeq() + 1);
        }
        List<String> parts = new ArrayList<>(outcome.notes());
        List<List<Button>> buttons = List.of();
        if (outcome.prompt()) {
            Reply prompt = prompts.render(next);
            parts.add(prompt.text());
            buttons = prompt.buttons();
        }
        List<Reply> replies =
                outcome.pressNote() && parts.size() == 1
                        ? List.of(Reply.pressNote(parts.get(0)))
                        : pack(parts, buttons, outcome.replace(), outcome.stale());
        return new Turn(next, replies, outcome.effects());
    }

    /** Joins the parts into as few messages as the length limit allows; buttons go on the last. */
    private static List<Reply> pack(
            List<String> parts, List<List<Button>> buttons, boolean replace, boolean stale) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String part : parts) {
            if (current.length() > 0
                    && current.length() + 2 + part.length() > Engine.MAX_MESSAGE_LENGTH) {
                messages.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() == 0 ? "" : "\n\n").append(part);
        }
        if (current.length() > 0) {
            messages.add(current.toString());
        }
        List<Reply> replies = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            boolean last = i == messages.size() - 1;
            replies.add(
                    new Reply(
                            messages.get(i),
                            last ? buttons : List.of(),
                            replace && messages.size() == 1,
                            null,
                            stale && i == 0,
                            false));
        }
        return replies;
    }
}
