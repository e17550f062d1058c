package dev.backcoach.core.engine;

import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * What a handler decided: the next session, notes to say first, effects, and whether the prompt for
 * the next dialogue (its question and buttons) follows the notes.
 */
record Outcome(
        Session session,
        List<String> notes,
        List<Effect> effects,
        boolean prompt,
        boolean replace,
        boolean pressNote,
        boolean stale) {

    Outcome(
            Session session,
            List<String> notes,
            List<Effect> effects,
            boolean prompt,
            boolean replace) {
        this(session, notes, effects, prompt, replace, false, false);
    }

    /**
     * The answer to an outdated or forged button: platforms show it apart from the pressed message.
     */
    Outcome markedStale() {
        return new Outcome(session, notes, effects, prompt, replace, pressNote, true);
    }

    static Outcome to(Session session, String... notes) {
        return new Outcome(session, List.of(notes), List.of(), true, false);
    }

    /** Only the notes, no prompt: used where the notes must stand alone (the emergency route). */
    static Outcome only(Session session, String... notes) {
        return new Outcome(session, List.of(notes), List.of(), false, false);
    }

    /** Nothing to say: a timer for a step the user already left. */
    static Outcome silent(Session session) {
        return new Outcome(session, List.of(), List.of(), false, false);
    }

    Outcome with(Effect effect) {
        List<Effect> more = new ArrayList<>(effects);
        more.add(effect);
        return new Outcome(session, notes, more, prompt, replace, pressNote, stale);
    }

    /**
     * A press that changes nothing ("Every day" when every day is on) gets one short note, and the
     * pressed message is left alone: editing it with identical content is refused by Telegram.
     */
    static Outcome pressNote(Session session, String note) {
        return new Outcome(session, List.of(note), List.of(), false, false, true, false);
    }

    /** Hint that the reply continues the previous message (next step): edit it in place. */
    Outcome replacing() {
        return new Outcome(session, notes, effects, prompt, true, pressNote, stale);
    }

    Outcome withNoteFirst(String note) {
        List<String> more = new ArrayList<>();
        more.add(note);
        more.addAll(notes);
        return new Outcome(session, more, effects, prompt, replace, pressNote, stale);
    }
}
