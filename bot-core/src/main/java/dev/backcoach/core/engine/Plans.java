package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Equipment;
import dev.backcoach.core.content.Step;
import dev.backcoach.core.content.Technique;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Matches techniques to what the user has (the plan's equipment bits). */
final class Plans {
    /**
     * Set with the equipment bits once a plan is saved, so that a plan with nothing in it still
     * counts as made (equipment bits alone would read 0, like no plan at all).
     */
    static final int MADE = 1 << 30;

    private Plans() {}

    static int saved(int equipmentBits) {
        return equipmentBits | MADE;
    }

    static boolean exists(int equipment) {
        return equipment != 0;
    }

    static boolean fits(Technique technique, int equipment) {
        return (technique.requiredBits() & ~equipment) == 0;
    }

    static List<Technique> fitting(Catalog catalog, int equipment) {
        return catalog.techniques().stream().filter(t -> fits(t, equipment)).toList();
    }

    /**
     * For a routine step: the first option the plan allows, else the last (which needs nothing).
     */
    static Technique choose(Catalog catalog, Step step, int equipment) {
        Technique chosen = null;
        for (String id : step.options()) {
            Technique t = catalog.technique(id).orElseThrow();
            chosen = t;
            if (fits(t, equipment)) {
                return t;
            }
        }
        return Objects.requireNonNull(
                chosen, "a routine step names no technique"); // the validator forbids it
    }

    /** The plan in words: "tennis balls, a foam roller, getting down to the floor". */
    static String describe(Texts texts, int equipment) {
        List<String> names = new ArrayList<>();
        for (Equipment e : Equipment.values()) {
            if (e.in(equipment)) {
                names.add(name(texts, e));
            }
        }
        return names.isEmpty() ? texts.get("export.none") : String.join(", ", names);
    }

    /** What the technique needs that the plan lacks, in words. */
    static String missing(Texts texts, Technique technique, int equipment) {
        return String.join(
                " and ",
                technique.requires().stream()
                        .filter(e -> !e.in(equipment))
                        .map(e -> name(texts, e))
                        .toList());
    }

    private static String name(Texts texts, Equipment e) {
        return texts.get("equipment." + e.name().toLowerCase(Locale.ROOT));
    }
}
