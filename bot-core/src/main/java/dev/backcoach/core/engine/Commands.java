package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Lesson;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Slash commands. A command works at any point: informational ones answer and show the pending
 * question again; the others move on, and guidance left midway is kept for resuming.
 */
final class Commands {
    /** Commands that answer without leaving the pending question. */
    private static final Set<String> INFORMATIONAL = Set.of("help", "privacy");

    private final Texts texts;
    private final Catalog catalog;
    private final Access access;
    private final Nudges nudges;
    private final SafetyCheck check;
    private final Guidance guidance;

    Commands(Texts texts, Access access, Nudges nudges, SafetyCheck check, Guidance guidance) {
        this.texts = texts;
        this.catalog = texts.catalog();
        this.access = access;
        this.nudges = nudges;
        this.check = check;
        this.guidance = guidance;
    }

    Outcome handle(Session current, String name, String argument, ChatRef chat, Instant now) {
        LocalDate today = Ratings.today(current, now);
        if (INFORMATIONAL.contains(name)) {
            return Outcome.to(current, informational(texts, name));
        }
        if (name.equals("export")) {
            // The service puts the summary and the file first, once the turn is committed.
            return Outcome.to(current).with(new Effect.ExportData(current.user()));
        }
        if (!isKnown(name)) {
            return Outcome.to(current, texts.get("input.unknown_command"));
        }
        Session s = current.withPaused(leftGuide(current));
        switch (name) {
            case "start":
                return start(s, argument, chat, now);
            case "nudge":
                return nudges.command(s, argument, chat, now);
            case "check":
                return s.onboarded()
                        ? check.begin(s, texts.get("check.intro"))
                        : access.onboard(s, texts.get("onboarding.needed"));
            case "techniques":
                return techniques(s, argument, today);
            case "routine":
                return routine(s, argument, today);
            case "resume":
                return access.begin(s, today, "resume");
            case "progress":
                return progress(s, argument, today);
            case "learn":
                return learn(s, argument);
            case "forget":
                return Outcome.to(s.withDialogue(new Dialogue.ConfirmForget()));
            case "settings":
                return s.onboarded()
                        ? Outcome.to(s.withDialogue(new Dialogue.Settings()))
                        : access.onboard(s, texts.get("onboarding.needed"));
            default: // "menu"
                return Outcome.to(s.withDialogue(Dialogue.IDLE));
        }
    }

    /** The commands platforms list, in the order they show them (docs/runtime.md). */
    static final List<String> LISTED =
            List.of(
                    "start",
                    "help",
                    "check",
                    "techniques",
                    "routine",
                    "nudge",
                    "progress",
                    "privacy",
                    "export",
                    "forget",
                    "settings",
                    LanguageChoice.COMMAND);

    /** Reached by buttons and typing, not listed: resuming, general reading, the menu. */
    private static final Set<String> UNLISTED = Set.of("resume", "learn", "menu");

    static boolean isKnown(String name) {
        return LISTED.contains(name) || UNLISTED.contains(name);
    }

    /** /help ends with the emergency signs: the one paragraph everyone should have seen. */
    static String informational(Texts texts, String name) {
        return name.equals("help")
                ? texts.get("help") + "\n\n" + texts.get("safety.emergency_signs")
                : texts.get("privacy");
    }

    private Outcome start(Session s, String payload, ChatRef chat, Instant now) {
        LocalDate today = Ratings.today(s, now);
        if (!s.onboarded()) {
            return access.onboard(s, texts.get("start.greeting"));
        }
        switch (payload.toLowerCase(java.util.Locale.ROOT)) {
            case "check":
                return handle(s, "check", "", chat, now);
            case "morning":
                return access.begin(s, today, "routine:morning");
            case "evening":
            case "nudge":
                // The link a reminder invitation carries: set up the evening reminder.
                return nudges.command(s, "", chat, now);
            default:
                // As /help says, /start is also how to start over; carrying on is the other choice.
                return Outcome.to(s.withDialogue(new Dialogue.WelcomeBack()));
        }
    }

    private Outcome techniques(Session s, String argument, LocalDate today) {
        if (argument.isEmpty()) {
            return access.begin(s, today, "techniques");
        }
        List<Technique> found = TechniqueFinder.find(catalog, argument);
        if (found.isEmpty()) {
            return access.begin(s, today, "techniques")
                    .withNoteFirst(
                            texts.get("techniques.unknown", "name", Labels.shorten(argument)));
        }
        Optional<Technique> fitting =
                found.stream().filter(t -> Plans.fits(t, s.equipment())).findFirst();
        if (fitting.isPresent() || !s.route().allowsTechniques()) {
            return access.begin(s, today, "techniques:" + fitting.orElse(found.get(0)).id());
        }
        // Asked for something the plan lacks: say what it needs and show what fits instead.
        Technique wanted = found.get(0);
        return access.begin(s, today, "techniques")
                .withNoteFirst(
                        texts.get(
                                "techniques.not_in_plan",
                                "title",
                                wanted.title(),
                                "needs",
                                Plans.missing(texts, wanted, s.equipment())));
    }

    private Outcome routine(Session s, String argument, LocalDate today) {
        Optional<String> id =
                catalog.routines().stream()
                        .filter(
                                r ->
                                        Labels.matches(argument, r.id())
                                                || Labels.matches(argument, r.title()))
                        .map(r -> r.id())
                        .findFirst();
        return access.begin(s, today, id.map(r -> "routine:" + r).orElse("routine"));
    }

    /** {@code /progress}, {@code /progress week}, {@code /progress 4} (or 4/10) to log a rating. */
    private Outcome progress(Session s, String argument, LocalDate today) {
        ProgressArgument typed = ProgressArgument.parse(argument);
        if (typed instanceof ProgressArgument.Week) {
            return access.begin(s, today, "progress:week");
        } else if (typed instanceof ProgressArgument.None) {
            return access.begin(s, today, "progress");
        }
        return access.gate(s, today, "progress").orElseGet(() -> typedRating(s, typed, today));
    }

    /**
     * A typed score is logged at once; anything else gets a hint and the usual progress. Without a
     * known zone the day of a rating is unknown, so the zone is asked first.
     */
    private Outcome typedRating(Session s, ProgressArgument typed, LocalDate today) {
        if (typed instanceof ProgressArgument.Score score) {
            return ZoneQuestion.needed(s)
                    ? ZoneQuestion.ask(s)
                            .withNoteFirst(
                                    texts.get("progress.rate_after_zone", "score", score.value()))
                    : guidance.rate(s, score.value(), today);
        }
        String hint = texts.get("progress.bad_score");
        return ZoneQuestion.needed(s)
                ? ZoneQuestion.ask(s).withNoteFirst(hint)
                : Outcome.to(s.withDialogue(new Dialogue.Rating()))
                        .with(new Effect.ShowProgress(s.user(), false, hint));
    }

    private Outcome learn(Session s, String argument) {
        if (s.route() == Route.EMERGENCY) {
            return Outcome.only(
                    s.withDialogue(Dialogue.IDLE),
                    RouteReason.prefixed(texts, s, "outcome.emergency_locked"));
        }
        Session choosing = s.withDialogue(new Dialogue.ChoosingLesson());
        Optional<Lesson> lesson =
                catalog.lessons().stream()
                        .filter(
                                l ->
                                        Labels.matches(argument, l.id())
                                                || Labels.matches(argument, l.title()))
                        .findFirst();
        return lesson.map(l -> Outcome.to(choosing, l.title() + "\n\n" + l.text()))
                .orElse(Outcome.to(choosing));
    }

    /** Guidance the user is leaving by this command, kept so it can be resumed. */
    private static @Nullable Guide leftGuide(Session s) {
        Dialogue d = s.dialogue();
        if (d instanceof Dialogue.Guiding g) {
            return g.guide().atStep(g.guide().step());
        } else if (d instanceof Dialogue.EaseOff e) {
            return e.guide();
        }
        return s.paused();
    }
}
