package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.PlanItem;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan: one screen of equipment toggles and Done, like the reminder days. A toggle edits the
 * message in place; Done saves the plan and shows the techniques that fit.
 */
final class PlanScreen {
    private static final int PER_ROW = 3;

    private final Texts texts;
    private final Catalog catalog;

    PlanScreen(Texts texts) {
        this.texts = texts;
        this.catalog = texts.catalog();
    }

    /** Actions: {@code e<n>} toggles plan item n, {@code ok} saves. */
    Outcome answer(Session s, Dialogue.Planning p, String action) {
        if (action.matches("e\\d") && action.charAt(1) - '0' < catalog.plan().size()) {
            int bit = catalog.plan().get(action.charAt(1) - '0').equipment().bit();
            return Outcome.to(s.withDialogue(new Dialogue.Planning(p.bits() ^ bit))).replacing();
        } else if (action.equals("ok")) {
            return Outcome.to(
                    s.withEquipment(Plans.saved(p.bits()))
                            .withDialogue(new Dialogue.ChoosingTechnique()),
                    texts.get("plan.done"));
        }
        return Outcome.to(s, texts.get("input.stale_button")).markedStale();
    }

    Reply render(Session s, Dialogue.Planning p) {
        int seq = s.promptSeq();
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < catalog.plan().size(); i++) {
            PlanItem item = catalog.plan().get(i);
            boolean ticked = item.equipment().in(p.bits());
            if (ticked) {
                chosen.add(item.label());
            }
            row.add(
                    new Button(
                            ticked ? "✅ " + item.label() : item.label(),
                            ButtonData.answer(seq, "e" + i)));
            if (row.size() == PER_ROW) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        rows.add(List.of(new Button(texts.get("button.plan_done"), ButtonData.answer(seq, "ok"))));
        // The text names what is ticked, so it changes with every tap (and reads well without the
        // buttons).
        String ticked =
                chosen.isEmpty() ? texts.get("plan.nothing_yet") : String.join(", ", chosen);
        return new Reply(texts.get("plan.ask", "chosen", ticked), rows, false);
    }
}
