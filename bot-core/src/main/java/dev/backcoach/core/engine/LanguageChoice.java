package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Language;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which language a user is spoken to in. Their own choice (/language, or the row in /settings)
 * wins; until they make one, the language their platform reports, when there is a catalog for it.
 * Switching never moves the conversation: the pending question is asked again in the new language,
 * and buttons already on screen keep working, since their data carries no words.
 */
final class LanguageChoice {
    static final String COMMAND = "language";

    private final Catalogs catalogs;
    private final Function<Session, Voice> voices;

    LanguageChoice(Catalogs catalogs, Function<Session, Voice> voices) {
        this.catalogs = catalogs;
        this.voices = voices;
    }

    /** The platform's language, unless the user chose one: it follows the app's setting. */
    Session followPlatform(Session s, Inbound inbound) {
        Language current = s.language();
        if (inbound.locale().isEmpty()
                || !inbound.chat().privateChat() // in groups nothing about the user is kept
                || (current != null && current.chosen())) {
            return s;
        }
        String code = catalogs.resolve(inbound.locale());
        return current != null && current.code().equals(code)
                ? s
                : s.withLanguage(new Language(code, false));
    }

    /** /language, typed or pressed: the choice of languages, or the switch itself. */
    Optional<Turn> command(Session s, Inbound inbound) {
        String argument;
        if (!inbound.chat().privateChat()) {
            return Optional.empty(); // groups get the offer of a private chat, as for any command
        } else if (inbound instanceof Inbound.Command c && c.name().equals(COMMAND)) {
            argument = c.argument();
        } else if (inbound instanceof Inbound.Choice c && isCommand(c.data())) {
            argument = c.data().substring(COMMAND.length() + 1).strip();
        } else if (inbound instanceof Inbound.Text t && isCommand(t.text().strip())) {
            argument = t.text().strip().substring(COMMAND.length() + 1).strip();
        } else {
            return Optional.empty();
        }
        Optional<String> wanted = find(argument);
        if (wanted.isEmpty()) {
            return Optional.of(offer(s));
        }
        Session next = s.withLanguage(new Language(wanted.get(), true));
        Voice voice = voices.apply(next);
        return Optional.of(voice.noteAndPrompt(next, voice.texts().get("language.changed")));
    }

    private static boolean isCommand(String data) {
        String lower = data.toLowerCase(Locale.ROOT);
        return lower.equals("/" + COMMAND) || lower.startsWith("/" + COMMAND + " ");
    }

    /** A code ("es", "es-419") or a language's own name ("Español", "espanol"). */
    private Optional<String> find(String argument) {
        if (argument.isBlank()) {
            return Optional.empty();
        }
        String typed = Labels.normalize(fold(argument));
        for (String code : catalogs.languages()) {
            String name = Labels.normalize(fold(catalogs.get(code).text("language.name")));
            if (typed.equals(code) || typed.equals(name)) {
                return Optional.of(code);
            }
        }
        String primary = dev.backcoach.core.content.Languages.primary(argument);
        return catalogs.languages().contains(primary) ? Optional.of(primary) : Optional.empty();
    }

    private static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }

    /** Each language under its own name, so that anyone can find theirs. */
    private Turn offer(Session s) {
        Voice voice = voices.apply(s);
        List<Button> row = new ArrayList<>();
        for (String code : catalogs.languages()) {
            row.add(
                    new Button(
                            catalogs.get(code).text("language.name"),
                            ButtonData.command(COMMAND, code)));
        }
        return new Turn(
                s,
                List.of(new Reply(voice.texts().get("language.choose"), List.of(row), false)),
                List.of());
    }
}
