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
                    "absolutely",
                    // Spanish and Russian: typed answers work in every language the bot speaks
                    "si",
                    "sí",
                    "sip",
                    "claro",
                    "vale",
                    "por supuesto",
                    "correcto",
                    "asi es",
                    "así es",
                    "да",
                    "ага",
                    "угу",
                    "конечно",
                    "верно");
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
                    "no way",
                    "nop",
                    "para nada",
                    "en absoluto",
                    "que va",
                    "qué va",
                    "ninguno",
                    "ninguna",
                    "нет",
                    "неа",
                    "не");
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
                    "i think so",
                    "no se",
                    "no sé",
                    "no estoy seguro",
                    "no estoy segura",
                    "quizas",
                    "quizás",
                    "tal vez",
                    "puede ser",
                    "a lo mejor",
                    "creo que si",
                    "creo que sí",
                    "не знаю",
                    "не уверен",
                    "не уверена",
                    "может быть",
                    "наверное");

    /** The first word of a Yes or No button in each language ("Sí, una o más"). */
    private static final Set<String> YES_LABELS = Set.of("yes", "sí", "si", "да");

    private static final Set<String> NO_LABELS = Set.of("no", "нет");

    /** How a "not sure" button reads in each language. */
    private static final List<String> UNSURE_LABELS =
            List.of("not sure", "no estoy seguro", "не уверен");

    private static final List<List<String>> NUMBER_WORDS =
            List.of(
                    List.of(
                            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                            "nine", "ten"),
                    List.of(
                            "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete",
                            "ocho", "nueve", "diez"),
                    List.of(
                            "ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь",
                            "восемь", "девять", "десять"));
    private static final Pattern NUMBER =
            Pattern.compile(
                    "(?:about |around |maybe |like |a |unos |un |como |sobre |примерно |около )?"
                            + "(\\d{1,2}|\\p{L}+)"
                            + "(?: (?:out of |of |de |sobre |из )?10)?");

    private TypedAnswers() {}

    /** The button the typed answer means, if it clearly means one. */
    static Optional<Button> button(Dialogue pending, List<Button> buttons, String typed) {
        String text = Labels.normalize(typed);
        if (YES.contains(text)) {
            return startingWith(buttons, YES_LABELS);
        } else if (NO.contains(text)) {
            return startingWith(buttons, NO_LABELS);
        } else if (UNSURE.contains(text)) {
            Optional<Button> named =
                    buttons.stream()
                            .filter(
                                    b ->
                                            UNSURE_LABELS.stream()
                                                    .anyMatch(
                                                            Labels.normalize(b.label())::contains))
                            .findFirst();
            return named.isPresent() || !asksAboutASign(pending)
                    ? named
                    : startingWith(buttons, YES_LABELS);
        }
        Matcher number = NUMBER.matcher(Labels.normalize(typed.replace('/', ' ')));
        if (number.matches()) {
            String value = number.group(1);
            int word = -1;
            for (List<String> words : NUMBER_WORDS) {
                word = Math.max(word, words.indexOf(value));
            }
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

    private static Optional<Button> startingWith(List<Button> buttons, Set<String> words) {
        List<Button> found =
                buttons.stream()
                        .filter(b -> words.contains(Labels.normalize(b.label()).split(" ", -1)[0]))
                        .toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
