package dev.backcoach.core.engine;

import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers typed the way people type them: "y", "yep", "nope" for Yes and No; "not sure" as Yes
 * where a warning sign is asked about (the check says so: unsure is the safer Yes); "7/10", "seven"
 * or "about 6" for a rating button.
 */
final class TypedAnswers {
    private static final Set<String> YES =
            Set.of(
                    "y",
                    "yes",
                    "yep",
                    "yeah",
                    "yea",
                    "ya",
                    "yup",
                    "yes please",
                    "sure",
                    "ok",
                    "okay",
                    "correct",
                    "right",
                    "true",
                    "affirmative",
                    "i do",
                    "i have",
                    "it is",
                    "definitely",
                    "absolutely");
    private static final Set<String> NO =
            Set.of(
                    "n",
                    "no",
                    "nope",
                    "nah",
                    "no thanks",
                    "not really",
                    "none",
                    "negative",
                    "i dont",
                    "i do not",
                    "i havent",
                    "it isnt",
                    "never",
                    "not at all",
                    "no way");
    private static final Set<String> UNSURE =
            Set.of(
                    "not sure",
                    "unsure",
                    "im not sure",
                    "i dont know",
                    "dont know",
                    "dunno",
                    "idk",
                    "maybe",
                    "perhaps",
                    "possibly",
                    "kind of",
                    "sort of",
                    "a bit",
                    "i think so");
    private static final List<String> NUMBER_WORDS =
            List.of(
                    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                    "ten");
    private static final Pattern NUMBER =
            Pattern.compile(
                    "(?:about |around |maybe |like |a )?(\\d{1,2}|[a-z]+)"
                            + "(?: (?:out of |of )?10)?");

    private TypedAnswers() {}

    /** The button the typed answer means, if it clearly means one. */
    static Optional<Button> button(Dialogue pending, List<Button> buttons, String typed) {
        String text = Labels.normalize(typed);
        if (YES.contains(text)) {
            return startingWith(buttons, "yes");
        } else if (NO.contains(text)) {
            return startingWith(buttons, "no");
        } else if (UNSURE.contains(text)) {
            Optional<Button> named =
                    buttons.stream()
                            .filter(b -> Labels.normalize(b.label()).contains("not sure"))
                            .findFirst();
            return named.isPresent() || !asksAboutASign(pending)
                    ? named
                    : startingWith(buttons, "yes");
        }
        Matcher number = NUMBER.matcher(Labels.normalize(typed.replace('/', ' ')));
        if (number.matches()) {
            String value = number.group(1);
            int word = NUMBER_WORDS.indexOf(value);
            String digits = word >= 0 ? Integer.toString(word) : value;
            return buttons.stream().filter(b -> b.label().strip().equals(digits)).findFirst();
        }
        return Optional.empty();
    }

    /** Questions about warning signs, where "not sure" is the safer Yes. */
    private static boolean asksAboutASign(Dialogue d) {
        return d instanceof Dialogue.Check
                || d instanceof Dialogue.ConfirmFlag
                || d instanceof Dialogue.HurtCheck
                || d instanceof Dialogue.SymptomCheckIn;
    }

    private static Optional<Button> startingWith(List<Button> buttons, String word) {
        List<Button> found =
                buttons.stream()
                        .filter(b -> word.equals(Labels.normalize(b.label()).split(" ", -1)[0]))
                        .toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
