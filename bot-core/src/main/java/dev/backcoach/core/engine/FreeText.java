package dev.backcoach.core.engine;

import dev.backcoach.core.content.FaqEntry;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Session;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Typed text: a command, a button's label, a question from the FAQ, or something kindly declined. */
final class FreeText {
    /** Longer than any answer or question the bot needs; the rest is not read at all. */
    static final int MAX_LENGTH = 1_000;

    private final Texts texts;
    private final Prompts prompts;

    FreeText(Texts texts, Prompts prompts) {
        this.texts = texts;
        this.prompts = prompts;
    }

    /** What the text means: a button's data to dispatch, or an outcome to show directly. */
    sealed interface Meaning {
        record Press(String data) implements Meaning {}

        record Say(Outcome outcome) implements Meaning {}
    }

    Meaning interpret(Session s, String raw) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return say(s, "input.empty");
        }
        if (text.length() > MAX_LENGTH) {
            return say(s, "input.too_long");
        }
        if (text.startsWith("/")) {
            return new Meaning.Press(text);
        }
        Optional<Button> button = matchingButton(s, text);
        if (button.isPresent()) {
            return new Meaning.Press(button.get().data());
        }
        Optional<FaqEntry> faq = faq(text);
        if (faq.isPresent()) {
            return new Meaning.Say(Outcome.to(s, faq.get().answer()));
        }
        return say(s, s.dialogue() instanceof Dialogue.Idle ? "input.hint" : "input.unclear");
    }

    private Meaning say(Session s, String key) {
        return new Meaning.Say(Outcome.to(s, texts.get(key)));
    }

    /** The one button of the pending question the text names; none when ambiguous. */
    private Optional<Button> matchingButton(Session s, String text) {
        List<Button> matches = prompts.render(s).allButtons().stream()
                .filter(b -> Labels.matches(text, b.label()))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** An entry matches when the text holds every word of one of its keyword phrases. */
    private Optional<FaqEntry> faq(String text) {
        Set<String> words = new java.util.HashSet<>(java.util.Arrays.asList(Labels.normalize(text).split(" ")));
        String normalized = " " + Labels.normalize(text) + " ";
        for (FaqEntry entry : texts.catalog().faq()) {
            for (String phrase : entry.keywords()) {
                String[] needed = Labels.normalize(phrase).split(" ", -1); // normalized: no leading or trailing space
                boolean all = true;
                for (String word : needed) {
                    all &= words.contains(word) || normalized.contains(" " + word);
                }
                if (all) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }
}
