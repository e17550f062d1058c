package dev.backcoach.core.content;

import java.util.List;

/**
 * The free-text screen's rules for one language. A pattern is a few words that must appear in
 * this order, at most a few words apart ({@code "cant pee"}); {@code a|b} accepts either word.
 * Words are compared after analysis (lower case, apostrophes dropped, synonyms, stems), so
 * "can't", "cant" and "cannot" are one word once {@code synonyms} says so.
 *
 * @param synonyms Solr synonym lines: {@code "pee, wee, urinate"} reads every word as the first;
 *     {@code "a => b"} reads a as b. Also the place for common misspellings.
 * @param keep words left unstemmed, so that "legs" (both) stays apart from "leg" (one)
 * @param negations words that, just before a sign, deny it ("no numbness")
 * @param reassurances words that, just after a sign, deny it ("my legs are fine")
 * @param hedges words that, before a sign, make it a question or a worry ("what if")
 */
public record RedFlagRules(
        List<String> synonyms,
        List<String> keep,
        List<String> negations,
        List<String> reassurances,
        List<String> hedges,
        List<RedFlag> flags) {
    public RedFlagRules {
        synonyms = List.copyOf(synonyms);
        keep = List.copyOf(keep);
        negations = List.copyOf(negations);
        reassurances = List.copyOf(reassurances);
        hedges = List.copyOf(hedges);
        flags = List.copyOf(flags);
    }
}
