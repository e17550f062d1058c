package dev.backcoach.core.engine;

import dev.backcoach.core.faq.FaqMatcher;
import dev.backcoach.core.faq.Understood;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Session;
import java.util.List;
import java.util.Optional;

/**
 * Typed text: a command, a button's label or a typed answer ("yep", "7/10"), a question from the
 * FAQ, small talk, or something kindly declined.
 */
final class FreeText {
    /** Longer than any answer or question the bot needs; the rest is not read at all. */
    static final int MAX_LENGTH = 1_000;

    /** What to say to text that is neither an answer nor a known question, in turn. */
    private static final List<String> FALLBACKS =
            List.of(
                    "input.hint",
                    "fallback.examples",
                    "fallback.rephrase",
                    "fallback.commands",
                    "fallback.honest",
                    "fallback.safety");

    /** The same while a question waits for its answer, which follows each of them. */
    private static final List<String> PENDING_FALLBACKS =
            List.of("input.unclear", "fallback.rephrase", "fallback.examples", "fallback.safety");

    private final Texts texts;
    private final Prompts prompts;
    private final FaqMatcher faq;

    FreeText(Texts texts, Prompts prompts) {
        this.texts = texts;
        this.prompts = prompts;
        this.faq = new FaqMatcher(texts.catalog(), texts.locale().getLanguage());
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
        List<Button> buttons = prompts.render(s).allButtons();
        Optional<Button> button =
                matchingButton(buttons, text)
                        .or(() -> TypedAnswers.button(s.dialogue(), buttons, text));
        if (button.isPresent()) {
            return new Meaning.Press(button.get().data());
        }
        Understood understood = faq.understand(text);
        if (understood instanceof Understood.Question q) {
            String answer =
                    q.sure()
                            ? q.entry().answer()
                            : texts.get("faq.guess", "question", q.entry().question())
                                    + "\n\n"
                                    + q.entry().answer();
            return new Meaning.Say(Outcome.to(s, answer));
        } else if (understood instanceof Understood.SmallTalk talk) {
            return smallTalk(s, talk.id());
        }
        // Not the same sentence every time: which one depends on the text and where the user is.
        List<String> fallbacks =
                s.dialogue() instanceof Dialogue.Idle ? FALLBACKS : PENDING_FALLBACKS;
        return say(
                s, fallbacks.get(Math.floorMod(text.hashCode() + s.promptSeq(), fallbacks.size())));
    }

    /**
     * Hello and thanks are answered before the question again; "menu" opens it; quit and bye just
     * say goodbye.
     */
    private Meaning smallTalk(Session s, String id) {
        String reply = texts.get("smalltalk." + id);
        return switch (id) {
            case "menu" -> new Meaning.Press(ButtonData.command("menu", ""));
            case "quit", "bye" -> new Meaning.Say(Outcome.only(s, reply));
            default -> new Meaning.Say(Outcome.to(s, reply));
        };
    }

    private Meaning say(Session s, String key) {
        return new Meaning.Say(Outcome.to(s, texts.get(key)));
    }

    /** The one button of the pending question the text names; none when ambiguous. */
    private static Optional<Button> matchingButton(List<Button> buttons, String text) {
        List<Button> matches =
                buttons.stream().filter(b -> Labels.matches(text, b.label())).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
