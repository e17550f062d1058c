package dev.backcoach.core.safety;

import dev.backcoach.core.content.RedFlag;
import dev.backcoach.core.content.RedFlagRules;
import dev.backcoach.core.text.Phrase;
import dev.backcoach.core.text.WordAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.jspecify.annotations.Nullable;

/**
 * A detector's rules worked out: every word of them analysed as messages will be (synonyms, stems).
 * Working them out runs Lucene over each pattern, which is most of a detector's build; the build
 * does it once per catalog and saves the result ({@link ScreenImage}), so that start-up only reads
 * it.
 *
 * @param synonyms the catalog's synonyms, null when it has none
 * @param patterns every pattern, in the order of the rules
 * @param vocabulary the words a misspelling may be read as, as typed
 */
record ScreenRules(
        @Nullable SynonymMap synonyms,
        List<Pattern> patterns,
        Set<String> negations,
        Set<String> reassurances,
        Set<String> hedges,
        Set<String> longAgo,
        Set<String> jokes,
        Set<String> others,
        Set<String> vocabulary) {

    static final String FIELD = "text";

    /**
     * One pattern of a sign.
     *
     * @param flag the sign's place in the rules' list of flags
     * @param plain a plain report (the rule's {@code clear}), or only a hint ({@code possible})
     */
    record Pattern(int flag, boolean plain, Phrase phrase) {}

    ScreenRules {
        patterns = List.copyOf(patterns);
        negations = Set.copyOf(negations);
        reassurances = Set.copyOf(reassurances);
        hedges = Set.copyOf(hedges);
        longAgo = Set.copyOf(longAgo);
        jokes = Set.copyOf(jokes);
        others = Set.copyOf(others);
        vocabulary = Set.copyOf(vocabulary);
    }

    /**
     * Works out rules written in {@code language}.
     *
     * @throws IllegalArgumentException listing every rule that cannot be read
     */
    static ScreenRules compile(RedFlagRules content, String language) {
        List<String> problems = new ArrayList<>();
        SynonymMap synonyms = WordAnalyzer.synonyms(language, content.synonyms());
        WordAnalyzer ruleWords = WordAnalyzer.of(language, synonyms, content.keep());
        List<Pattern> patterns = new ArrayList<>();
        for (int i = 0; i < content.flags().size(); i++) {
            RedFlag flag = content.flags().get(i);
            for (String p : flag.clear()) {
                patterns.add(new Pattern(i, true, Phrase.compile(FIELD, p, ruleWords, problems)));
            }
            for (String p : flag.possible()) {
                patterns.add(new Pattern(i, false, Phrase.compile(FIELD, p, ruleWords, problems)));
            }
        }
        checkSynonyms(language, content.synonyms(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "red-flag rules are invalid:\n  " + String.join("\n  ", problems));
        }
        return new ScreenRules(
                synonyms,
                patterns,
                words(ruleWords, content.negations()),
                words(ruleWords, content.reassurances()),
                words(ruleWords, content.hedges()),
                words(ruleWords, content.longAgo()),
                words(ruleWords, content.jokes()),
                words(ruleWords, content.others()),
                vocabulary(language, content));
    }

    /** Each synonym line reads as one word, so analysis stays a plain sequence of words. */
    private static void checkSynonyms(String language, List<String> lines, List<String> problems) {
        try (var surface = WordAnalyzer.surface(language)) {
            for (String line : lines) {
                String target =
                        line.contains("=>")
                                ? line.substring(line.indexOf("=>") + 2)
                                : line.split(",", -1)[0];
                if (Phrase.analyse(surface, target).size() != 1) {
                    problems.add(
                            "synonyms \""
                                    + line
                                    + "\": \""
                                    + target.strip()
                                    + "\" must be one word");
                }
            }
        }
    }

    /** The words a misspelling may be read as, as typed. */
    private static Set<String> vocabulary(String language, RedFlagRules content) {
        Set<String> words = new HashSet<>();
        try (var surface = WordAnalyzer.surface(language)) {
            for (String source : content.spellings()) {
                words.addAll(Phrase.analyse(surface, source));
            }
        }
        return words;
    }

    private static Set<String> words(WordAnalyzer analyzer, List<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.addAll(Phrase.analyse(analyzer, w));
        }
        return out;
    }
}
