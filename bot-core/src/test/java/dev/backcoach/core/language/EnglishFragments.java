package dev.backcoach.core.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Languages;
import java.text.DateFormatSymbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English left in a reply meant for another language, built from the catalogs themselves so
 * it catches text nobody thought of: any word of the English catalog that the language's own
 * catalog never uses ("the", "stiffness", "saved"), and any run of three words that appears in the
 * English catalog but not in the language's own. Commands ({@code /progress}), time zones ({@code
 * Europe/Madrid}), placeholder names, ids ({@code heat_and_massage}), numbers and the language's
 * own day and month names are not words here; single letters are too short to tell.
 */
public final class EnglishFragments {
    private static final Pattern WORD = Pattern.compile("[\\p{L}_]+(?:['’]\\p{L}+)*");

    /**
     * Commands, zones, paths and links; file names; placeholder names and ICU selectors ({@code
     * {days}, {days, plural, one {…}}}).
     */
    private static final Pattern NOT_WORDS =
            Pattern.compile(
                    "\\S*/\\S*|[\\p{L}\\d_-]+\\.(?:json|png)\\b|\\{\\s*[\\p{L}_]+"
                            + "|\\b(?:plural|one|few|many|other)\\s*\\{");

    private final Set<String> englishWords;
    private final Set<String> englishTrigrams;
    private final Set<String> ownTrigrams;

    public EnglishFragments(String language) {
        JsonNode english = CatalogLoader.tree(Languages.ENGLISH).orElseThrow();
        JsonNode own = CatalogLoader.tree(language).orElseThrow();
        Set<String> ownWords = words(own);
        ownWords.addAll(calendarWords(Locale.forLanguageTag(language)));
        this.englishWords = words(english);
        this.englishWords.removeAll(ownWords);
        this.englishWords.removeIf(w -> w.length() < 2);
        this.englishTrigrams = trigrams(english);
        this.ownTrigrams = trigrams(own);
    }

    /** The English fragments in {@code reply}; empty when there are none. */
    public List<String> in(String reply) {
        List<String> found = new ArrayList<>();
        List<String> words = words(reply);
        for (String word : words) {
            if (englishWords.contains(word)) {
                found.add(word);
            }
        }
        for (int i = 0; i + 2 < words.size(); i++) {
            String trigram = words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2);
            if (englishTrigrams.contains(trigram) && !ownTrigrams.contains(trigram)) {
                found.add(trigram);
            }
        }
        return found;
    }

    /** Whether {@code word} counts as English for this language: for tests of the check itself. */
    public boolean isEnglish(String word) {
        return englishWords.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> words(JsonNode catalog) {
        Set<String> out = new HashSet<>();
        collect(catalog, text -> out.addAll(words(text)));
        return out;
    }

    private static Set<String> trigrams(JsonNode catalog) {
        Set<String> out = new HashSet<>();
        collect(
                catalog,
                text -> {
                    List<String> words = words(text);
                    for (int i = 0; i + 2 < words.size(); i++) {
                        out.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
                    }
                });
        return out;
    }

    private static void collect(JsonNode node, java.util.function.Consumer<String> text) {
        if (node.isTextual()) {
            text.accept(node.asText());
        }
        node.forEach(child -> collect(child, text));
    }

    /** Day and month names as the JVM writes dates in {@code locale} ("lun", "mar", "дек"). */
    private static Set<String> calendarWords(Locale locale) {
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        Set<String> out = new HashSet<>();
        for (String[] names :
                List.of(
                        symbols.getWeekdays(),
                        symbols.getShortWeekdays(),
                        symbols.getMonths(),
                        symbols.getShortMonths())) {
            for (String name : names) {
                out.addAll(words(name));
            }
        }
        return out;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String cleaned = NOT_WORDS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        Matcher m = WORD.matcher(cleaned);
        while (m.find()) {
            String word = m.group().replace('’', '\'');
            if (word.indexOf('_') < 0) {
                words.add(word);
            }
        }
        return words;
    }
}
