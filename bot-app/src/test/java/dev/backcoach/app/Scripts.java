package dev.backcoach.app;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CheckGroup;
import dev.backcoach.core.content.PlanItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Conversations every platform's end-to-end test walks through the same way. */
final class Scripts {
    private Scripts() {}

    /** A line of the check's first list: shown right after consent. */
    static String firstGroup(Catalog catalog) {
        return catalog.checkGroups().get(0).lines().get(0);
    }

    /**
     * From the first group of the check: "No" to every group, then every plan item ticked and Done,
     * ending with the plan done. {@code press} taps a label and waits for the expected text.
     */
    static void noRedFlagsAndAFullPlan(Catalog catalog, BiConsumer<String, String> press) {
        List<CheckGroup> groups = catalog.checkGroups();
        for (int g = 0; g < groups.size(); g++) {
            String next =
                    g + 1 < groups.size()
                            ? groups.get(g + 1).lines().get(0)
                            : catalog.text("outcome.self_care");
            press.accept("No", next);
        }
        List<String> ticked = new ArrayList<>();
        for (PlanItem item : catalog.plan()) {
            ticked.add(item.label());
            press.accept(item.label(), "Ticked: " + String.join(", ", ticked));
        }
        press.accept(catalog.text("button.plan_done"), catalog.text("plan.done"));
    }

    /**
     * From the first group of the check: the taps that report warning sign {@code id}, up to its
     * outcome.
     */
    static void report(
            Catalog catalog, String id, String outcome, BiConsumer<String, String> press) {
        for (CheckGroup group : catalog.checkGroups()) {
            int at = group.items().indexOf(id);
            if (at < 0) {
                int next = catalog.checkGroups().indexOf(group) + 1;
                press.accept("No", catalog.checkGroups().get(next).lines().get(0));
                continue;
            }
            press.accept("Yes", catalog.flag(group.items().get(0)).orElseThrow().text());
            for (int i = 1; i <= at; i++) {
                press.accept("No", catalog.flag(group.items().get(i)).orElseThrow().text());
            }
            press.accept("Yes", outcome);
            return;
        }
        throw new IllegalArgumentException(id);
    }
}
