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
    private Plans() {}

    static boolean fits(Technique technique, int equipment) {
        return (technique.requiredBits() & ~equipment) == 0;
    }

    static List<Technique> fitting(Catalog catalog, int equipment) {
        return catalog.techniques().stream().filter(t -> fits(t, equipment)).toList();
    }

    /** For a routine step: the first option the plan allows, else the last (which needs nothing). */
    static Technique choose(Catalog catalog, Step step, int equipment) {
        Technique chosen = null;
        for (String id : step.options()) {
            Technique t = catalog.technique(id).orElseThrow();
            chosen = t;
            if (fits(t, equipment)) {
                return t;
            }
        }
        return Objects.requireNonNull(chosen, "a routine step names no technique"); // the validator forbids it
    }

    static String describe(Catalog catalog, int equipment) {
        List<String> names = new ArrayList<>();
        for (Equipment e : Equipment.values()) {
            if (e.in(equipment)) {
                names.add(e.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        return names.isEmpty() ? "-" : String.join(", ", names);
    }
}
