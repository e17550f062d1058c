package dev.backcoach.core.content;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What makes guidance safe to follow, checked on every catalog: each technique starts with its stop
 * rule, hands-on work keeps off damaged skin, written times agree with the timers, partner
 * techniques speak to the person receiving, and every routine part has an option for someone with
 * no equipment and no floor.
 */
final class GuidanceRules {
    /** Groups whose techniques press on the skin or warm it. */
    private static final Set<String> HANDS_ON = Set.of("partner", "self", "device", "heat");

    private GuidanceRules() {}

    static void checkTechnique(Technique t, Consumer<String> problem) {
        String where = "technique " + t.id();
        if (!t.cautions().isEmpty()
                && !t.cautions().get(0).toLowerCase(Locale.ROOT).contains("stop")) {
            problem.accept(where + ": the first caution must be the stop rule");
        }
        if (HANDS_ON.contains(t.group())
                && t.cautions().stream().noneMatch(c -> c.contains("broken skin"))) {
            problem.accept(
                    where
                            + ": a hands-on technique needs the caution about broken skin, rashes, sunburn and infection");
        }
        if (t.group().equals("partner") && mentions(t, "your partner")) {
            problem.accept(
                    where
                            + ": partner techniques speak to the person receiving (\"ask your helper…\")");
        }
        if (t.totalSeconds() == 0) {
            problem.accept(where + " has no timed step, so it has no total time");
        }
        for (String text : aboutTheWhole(t)) {
            for (Durations.Mention m : Durations.in(text)) {
                if (!m.inAll() || !m.contains(t.totalSeconds())) {
                    problem.accept(
                            where
                                    + " says "
                                    + m
                                    + " in \""
                                    + text
                                    + "\" but its steps add up to "
                                    + t.totalSeconds()
                                    + " s (write times as \"N minutes in all\" matching the steps)");
                }
            }
        }
        for (Step step : t.steps()) {
            checkStepTime(where, t, step, problem);
        }
    }

    static void checkRoutine(Routine r, Catalog c, Consumer<String> problem) {
        String where = "routine " + r.id();
        Set<String> used = new HashSet<>();
        checkNoTimes(where + " intro", r.intro(), problem);
        for (Step part : r.steps()) {
            checkNoTimes(where + " part", part.text(), problem);
            if (part.seconds() != null || part.reps() != null) {
                problem.accept(
                        where
                                + ": a part takes its time from its technique, so it has no seconds or reps");
            }
            if (part.options().isEmpty()) {
                problem.accept(where + ": a part names no technique");
            }
            boolean anyoneCan =
                    part.options().stream()
                            .map(c::technique)
                            .anyMatch(t -> t.isPresent() && t.get().requires().isEmpty());
            if (!anyoneCan) {
                problem.accept(
                        where
                                + ": part \""
                                + part.text()
                                + "\" has no standing or seated option that needs nothing");
            }
            for (String option : part.options()) {
                if (!used.add(option)) {
                    problem.accept(where + " offers " + option + " in two parts");
                }
            }
        }
    }

    private static void checkStepTime(
            String where, Technique t, Step step, Consumer<String> problem) {
        List<Durations.Mention> mentions = Durations.in(step.text());
        for (Durations.Mention m : mentions) {
            if (m.inAll() && !m.contains(t.totalSeconds())) {
                problem.accept(
                        where
                                + " step says "
                                + m
                                + " in all but its steps add up to "
                                + t.totalSeconds()
                                + " s");
            }
        }
        List<Durations.Mention> own = mentions.stream().filter(m -> !m.inAll()).toList();
        if (step.reps() != null && step.seconds() == null) {
            problem.accept(
                    where
                            + " step \""
                            + step.reps()
                            + "\" has no time; every repeated step is timed");
        }
        if (!own.isEmpty()
                && (step.seconds() == null
                        || own.stream().noneMatch(m -> m.contains(step.seconds())))) {
            problem.accept(
                    where
                            + " step says "
                            + own
                            + " but its timer is "
                            + step.seconds()
                            + " s: \""
                            + step.text()
                            + "\"");
        }
    }

    private static void checkNoTimes(String where, String text, Consumer<String> problem) {
        if (!Durations.in(text).isEmpty()) {
            problem.accept(
                    where + " writes a time; routine times come from their techniques' steps");
        }
    }

    private static List<String> aboutTheWhole(Technique t) {
        List<String> texts = new java.util.ArrayList<>(t.cautions());
        texts.add(t.summary());
        return texts;
    }

    private static boolean mentions(Technique t, String phrase) {
        return aboutTheWhole(t).stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).contains(phrase))
                || t.steps().stream()
                        .anyMatch(s -> s.text().toLowerCase(Locale.ROOT).contains(phrase));
    }
}
