package dev.backcoach.core.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks a catalog before the bot uses it: ids resolve, texts fit every platform, every technique
 * has cautions, nothing names a product, and the screening runs most urgent tier first. The rules
 * for safe, consistent guidance are in {@link GuidanceRules}.
 */
public final class CatalogValidator {
    /** Leaves room for a step header and a note in one Discord message (2,000 characters). */
    public static final int MAX_TEXT = 1_500;

    /** Discord allows 80; shorter labels stay on one line in Telegram's keyboards. */
    public static final int MAX_LABEL = 40;

    /** Ids travel inside button data ("/techniques <id>"): Telegram allows 64 bytes in all. */
    public static final int MAX_ID = 40;

    /** Confirming questions carry sign numbers of two digits in their buttons. */
    static final int MAX_RED_FLAGS = 100;

    /** Lines a check group lists: more would no longer be a glance. */
    public static final int MAX_LINES = 5;

    /** Screens in the check: a group's number travels as one digit in its buttons. */
    public static final int MAX_GROUPS = 9;

    /** Words that must never reach a user: product names and claims the sources could not back. */
    static final List<String> BANNED =
            List.of(
                    "medmassager",
                    "orthojoint",
                    "collection",
                    "clinic-grade",
                    "toxin",
                    "metabolic waste",
                    "misalignment",
                    "fda");

    private CatalogValidator() {}

    public static List<String> problems(Catalog c) {
        return problems(c, true);
    }

    /**
     * {@code reference}: the English catalog, whose wording the guidance rules read ("stop" first,
     * times that match the timers). A translation keeps English's cautions, steps and timers item
     * for item ({@link CatalogComparison}), and its wording is reviewed by back-translation.
     */
    public static List<String> problems(Catalog c, boolean reference) {
        List<String> problems = new ArrayList<>();
        Consumer<String> problem = problems::add;
        c.texts()
                .forEach(
                        (key, text) ->
                                checkText(
                                        "text " + key, text, PlatformLimits.maxFor(key), problem));
        checkScreening(c, problem);
        Set<Equipment> asked = EnumSet.noneOf(Equipment.class);
        for (PlanItem q : c.plan()) {
            // Two characters to spare for the tick a chosen item shows.
            checkText("plan " + q.equipment(), q.label(), MAX_LABEL - 2, problem);
            if (!asked.add(q.equipment())) {
                problem.accept("plan asks twice about " + q.equipment());
            }
        }
        if (!asked.equals(EnumSet.allOf(Equipment.class))) {
            problem.accept(
                    "plan does not ask about " + EnumSet.complementOf(EnumSet.copyOf(asked)));
        }
        Set<String> ids = new HashSet<>();
        for (Technique t : c.techniques()) {
            checkId("technique", t.id(), ids, problem);
            checkText("technique " + t.id() + " title", t.title(), MAX_LABEL, problem);
            checkText("technique " + t.id() + " summary", t.summary(), MAX_TEXT, problem);
            if (t.cautions().isEmpty()) {
                problem.accept("technique " + t.id() + " has no cautions");
            }
            if (t.steps().isEmpty()) {
                problem.accept("technique " + t.id() + " has no steps");
            }
            t.cautions()
                    .forEach(
                            x ->
                                    checkText(
                                            "technique " + t.id() + " caution",
                                            x,
                                            MAX_TEXT,
                                            problem));
            t.steps().forEach(s -> checkStep("technique " + t.id(), s, c, problem));
            if (reference) {
                GuidanceRules.checkTechnique(t, problem);
            }
        }
        for (Routine r : c.routines()) {
            checkId("routine", r.id(), ids, problem);
            checkText("routine " + r.id() + " title", r.title(), MAX_LABEL, problem);
            checkText("routine " + r.id() + " intro", r.intro(), MAX_TEXT, problem);
            if (r.steps().isEmpty()) {
                problem.accept("routine " + r.id() + " has no steps");
            }
            r.steps().forEach(s -> checkStep("routine " + r.id(), s, c, problem));
            if (reference) {
                GuidanceRules.checkRoutine(r, c, problem);
            }
        }
        for (Lesson l : c.lessons()) {
            checkId("lesson", l.id(), ids, problem);
            checkText("lesson " + l.id() + " title", l.title(), MAX_LABEL, problem);
            checkText("lesson " + l.id(), l.text(), MAX_TEXT, problem);
        }
        for (FaqEntry f : c.faq()) {
            checkId("faq", f.id(), ids, problem);
            checkText("faq " + f.id(), f.answer(), MAX_TEXT, problem);
            if (f.keywords().isEmpty()) {
                problem.accept("faq " + f.id() + " has no keywords");
            }
        }
        c.nudges().forEach(n -> checkText("nudge", n, MAX_TEXT, problem));
        checkRedFlags(c, problem);
        for (String key : RequiredTexts.KEYS) {
            if (!c.texts().containsKey(key)) {
                problem.accept("text " + key + " is missing");
            }
        }
        return problems;
    }

    private static void checkScreening(Catalog c, Consumer<String> problem) {
        if (c.screening().isEmpty()) {
            problem.accept("no screening questions");
        }
        Set<String> ids = new HashSet<>();
        for (ScreeningQuestion q : c.screening()) {
            checkId("screening", q.id(), ids, problem);
            checkText("screening " + q.id(), q.text(), MAX_TEXT, problem);
            checkText("screening " + q.id() + " about", q.about(), MAX_LABEL * 2, problem);
        }
        for (Tier tier : Tier.values()) {
            if (c.screening().stream().noneMatch(q -> q.tier() == tier)) {
                problem.accept("no screening question for tier " + tier);
            }
        }
        checkGroups(c, problem);
    }

    /**
     * The check stops at the first "Yes", so its items, group after group, must run most urgent
     * tier first; every warning sign is asked exactly once; a group fits one short screen.
     */
    private static void checkGroups(Catalog c, Consumer<String> problem) {
        if (c.checkGroups().isEmpty() || c.checkGroups().size() > MAX_GROUPS) {
            problem.accept(
                    "the check needs 1 to "
                            + MAX_GROUPS
                            + " groups, not "
                            + c.checkGroups().size());
        }
        Set<String> asked = new HashSet<>();
        Tier previous = Tier.EMERGENCY;
        for (int g = 0; g < c.checkGroups().size(); g++) {
            CheckGroup group = c.checkGroups().get(g);
            String where = "check group " + (g + 1);
            if (group.lines().isEmpty() || group.lines().size() > MAX_LINES) {
                problem.accept(
                        where + " lists " + group.lines().size() + " lines, not 1 to " + MAX_LINES);
            }
            if (group.items().isEmpty() || group.items().size() > MAX_LINES + 1) {
                problem.accept(
                        where
                                + " asks "
                                + group.items().size()
                                + " items, not 1 to "
                                + (MAX_LINES + 1));
            }
            group.lines().forEach(line -> checkText(where + " line", line, MAX_LABEL * 3, problem));
            for (String id : group.items()) {
                var item = c.flag(id);
                if (item.isEmpty()) {
                    problem.accept(where + " names unknown screening item " + id);
                    continue;
                }
                if (!asked.add(id)) {
                    problem.accept("screening item " + id + " is in the check twice");
                }
                if (item.get().tier().compareTo(previous) < 0) {
                    problem.accept(
                            "screening item "
                                    + id
                                    + " ("
                                    + item.get().tier()
                                    + ") comes after a less urgent tier");
                }
                previous = item.get().tier();
            }
        }
        c.screening().stream()
                .filter(q -> !asked.contains(q.id()))
                .forEach(q -> problem.accept("screening item " + q.id() + " is in no check group"));
    }

    /** Patterns are checked when the detector compiles them; here the texts and ids. */
    private static void checkRedFlags(Catalog c, Consumer<String> problem) {
        RedFlagRules rules = c.redflags();
        Set<String> ids = new HashSet<>();
        for (Tier tier : Tier.values()) {
            if (rules.flags().stream().noneMatch(f -> f.tier() == tier)) {
                problem.accept("no red flag for tier " + tier);
            }
        }
        if (rules.flags().size() > MAX_RED_FLAGS) {
            problem.accept(
                    "more than " + MAX_RED_FLAGS + " red flags: their numbers ride in button data");
        }
        for (RedFlag f : rules.flags()) {
            checkId("red flag", f.id(), ids, problem);
            var item = c.flag(f.id());
            if (item.isEmpty() || item.get().tier() != f.tier()) {
                problem.accept("red flag " + f.id() + " has no screening item of tier " + f.tier());
            }
            checkText("red flag " + f.id() + " question", f.confirm(), MAX_TEXT, problem);
            if (f.clear().isEmpty() && f.possible().isEmpty()) {
                problem.accept("red flag " + f.id() + " has no patterns");
            }
        }
    }

    private static void checkStep(String where, Step step, Catalog c, Consumer<String> problem) {
        checkText(where + " step", step.text(), MAX_TEXT, problem);
        if (step.seconds() != null && (step.seconds() < 5 || step.seconds() > 3_600)) {
            problem.accept(where + " step timer of " + step.seconds() + " s is not plausible");
        }
        for (String option : step.options()) {
            if (c.technique(option).isEmpty()) {
                problem.accept(where + " step names unknown technique " + option);
            }
        }
    }

    private static void checkId(
            String kind, String id, Set<String> seen, Consumer<String> problem) {
        if (!id.matches("[a-z0-9_]+") || id.getBytes(StandardCharsets.UTF_8).length > MAX_ID) {
            problem.accept(
                    kind
                            + " id '"
                            + id
                            + "' must be lower_snake_case, at most "
                            + MAX_ID
                            + " characters");
        }
        if (!seen.add(kind + ":" + id)) {
            problem.accept(kind + " id '" + id + "' is used twice");
        }
    }

    private static void checkText(String where, String text, int max, Consumer<String> problem) {
        if (text == null || text.isBlank()) {
            problem.accept(where + " is empty");
            return;
        }
        if (text.length() > max) {
            problem.accept(where + " has " + text.length() + " characters, more than " + max);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String banned : BANNED) {
            if (lower.contains(banned)) {
                problem.accept(where + " contains '" + banned + "'");
            }
        }
        String icu = Placeholders.syntaxError(text);
        if (!icu.isEmpty()) {
            problem.accept(where + " is not valid ICU MessageFormat: " + icu);
        }
        if (text.contains("<") || text.contains("*")) {
            problem.accept(where + " contains markup; texts are plain and adapters format them");
        }
    }
}
