package dev.backcoach.core.language;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Languages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English left in a reply meant for another language: any run of three words that appears in
 * the English catalog but not in that language's own catalog, and English-only small words ("the",
 * "you", "your") that no Spanish or Russian sentence contains.
 */
public final class EnglishFragments {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** Words that never occur in a Spanish or Russian sentence. */
    private static final Set<String> ENGLISH_ONLY =
            Set.of(
                    "the", "you", "your", "and", "with", "this", "that", "what", "please", "have",
                    "will", "can", "it's", "don't", "i'm", "here", "there", "when", "which");

    private final Set<String> english;
    private final Set<String> own;

    public EnglishFragments(String language) {
        this.english = trigrams(CatalogLoader.tree(Languages.ENGLISH).orElseThrow());
        this.own = trigrams(CatalogLoader.tree(language).orElseThrow());
    }

    /** The English fragments in {@code reply}; empty when there are none. */
    public List<String> in(String reply) {
        List<String> found = new ArrayList<>();
        List<String> words = words(reply);
        for (String word : words) {
            if (ENGLISH_ONLY.contains(word)) {
                found.add(word);
            }
        }
        for (int i = 0; i + 2 < words.size(); i++) {
            String trigram = words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2);
            if (english.contains(trigram) && !own.contains(trigram)) {
                found.add(trigram);
            }
        }
        return found;
    }

    private static Set<String> trigrams(JsonNode catalog) {
        Set<String> out = new HashSet<>();
        collect(catalog, out);
        return out;
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            List<String> words = words(node.asText());
            for (int i = 0; i + 2 < words.size(); i++) {
                out.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
            }
        }
        node.forEach(child -> collect(child, out));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
