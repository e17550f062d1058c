package dev.backcoach.app;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.ScreeningQuestion;
import java.util.List;
import java.util.function.BiConsumer;

/** Conversations every platform's end-to-end test walks through the same way. */
final class Scripts {
    private Scripts() {}

    /**
     * From the first screening question: "No" to every question, then "Yes" to every plan question,
     * ending with the plan done. {@code press} taps a label and waits for the expected text.
     */
    static void noRedFlagsAndAFullPlan(Catalog catalog, BiConsumer<String, String> press) {
        List<ScreeningQuestion> questions = catalog.screening();
        for (int i = 0; i < questions.size(); i++) {
            press.accept("No", i + 1 < questions.size() ? questions.get(i + 1).text() : catalog.text("outcome.self_care"));
        }
        for (int i = 0; i < catalog.plan().size(); i++) {
            press.accept("Yes", i + 1 < catalog.plan().size() ? catalog.plan().get(i + 1).text()
                    : catalog.text("plan.done"));
        }
    }
}
