package dev.backcoach.core.engine;

import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ratings are kept by day, and a day is the user's own: the reminder's time zone when there is a
 * reminder, else the zone this question asks for, once. "Use UTC" is an answer too, so the question
 * never comes back.
 */
final class ZoneQuestion {
    private final Texts texts;
    private final Access access;

    ZoneQuestion(Texts texts, Access access) {
        this.texts = texts;
        this.access = access;
    }

    /** True when the user's days are not known yet and nothing else tells them. */
    static boolean needed(Session s) {
        return s.nudge() == null && s.zone() == null;
    }

    static Outcome ask(Session s) {
        return Outcome.to(s.withDialogue(new Dialogue.AskZone(List.of())));
    }

    Reply render(Session s, Dialogue.AskZone ask) {
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < ask.suggestions().size(); i++) {
            rows.add(
                    List.of(
                            new Button(
                                    ask.suggestions().get(i),
                                    ButtonData.answer(s.promptSeq(), "z" + i))));
        }
        rows.add(
                List.of(
                        new Button(
                                texts.get("button.use_utc"),
                                ButtonData.answer(s.promptSeq(), "utc"))));
        String text =
                ask.suggestions().isEmpty()
                        ? texts.get("progress.ask_zone")
                        : texts.get("progress.pick_zone");
        return new Reply(text, rows, false);
    }

    /** A typed city or zone: one match is taken, several are offered, none is asked again. */
    Optional<Outcome> typed(Session s, String text) {
        if (!(s.dialogue() instanceof Dialogue.AskZone)) {
            return Optional.empty();
        }
        List<String> found = Zones.lookup(text);
        if (found.size() == 1) {
            return Optional.of(chosen(s, ZoneId.of(found.get(0))));
        }
        return Optional.of(
                found.isEmpty()
                        ? Outcome.to(s, texts.get("nudge.bad_zone", "typed", Labels.shorten(text)))
                        : Outcome.to(s.withDialogue(new Dialogue.AskZone(found))));
    }

    Outcome answer(Session s, Dialogue.AskZone ask, String action, Outcome stale) {
        if (action.equals("utc")) {
            return chosen(s, ZoneOffset.UTC);
        }
        if (action.matches("z[0-9]") && action.charAt(1) - '0' < ask.suggestions().size()) {
            return chosen(s, ZoneId.of(ask.suggestions().get(action.charAt(1) - '0')));
        }
        return stale;
    }

    private Outcome chosen(Session s, ZoneId zone) {
        return access.proceed(s.withZone(zone), "progress")
                .withNoteFirst(texts.get("progress.zone_saved", "zone", zone.getId()));
    }
}
