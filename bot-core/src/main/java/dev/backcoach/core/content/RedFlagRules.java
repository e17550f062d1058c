package dev.backcoach.core.content;

import java.util.List;

/**
 * The free-text screen's rules for one language. A pattern is a few words that must appear in this
 * order, at most a few words apart ({@code "cant pee"}); {@code a|b} accepts either word. Words are
 * compared after analysis (lower case, apostrophes dropped, synonyms, stems), so "can't", "cant"
 * and "cannot" are one word once {@code synonyms} says so.
 *
 * @param synonyms Solr synonym lines: {@code "pee, wee, urinate"} reads every word as the first;
 *     {@code "a => b"} reads a as b. Also the place for common misspellings.
 * @param spellings the words a misspelling is read as when it is one letter off (two from ten
 *     letters): the signs' own, uncommon words ("bladder", "numbness"), never everyday ones, so
 *     that "walking" is not read as "waking"
 * @param keep words left unstemmed, so that "legs" (both) stays apart from "leg" (one)
 * @param negations words that, just before a sign, deny it ("no numbness")
 * @param reassurances words that, just after a sign, deny it ("my legs are fine")
 * @param hedges words that, before a sign, make it a question or a worry ("what if")
 * @param longAgo words that, anywhere in the sentence, put a sign in the past ("years ago"): a sign
 *     that counts only when recent is then asked about, not applied
 * @param jokes words that, anywhere in the sentence, make it banter ("lol"): a report is asked
 *     about
 * @param others words for other people ("my wife", "she"): earlier in the same sentence, the sign
 *     may not be the user's own, so it is asked about, not applied
 */
public record RedFlagRules(
        List<String> synonyms,
        List<String> spellings,
        List<String> keep,
        List<String> negations,
        List<String> reassurances,
        List<String> hedges,
        List<String> longAgo,
        List<String> jokes,
        List<String> others,
        List<RedFlag> flags) {
    public RedFlagRules {
        synonyms = List.copyOf(synonyms);
        spellings = List.copyOf(spellings);
        keep = List.copyOf(keep);
        negations = List.copyOf(negations);
        reassurances = List.copyOf(reassurances);
        hedges = List.copyOf(hedges);
        longAgo = List.copyOf(longAgo);
        jokes = List.copyOf(jokes);
        others = List.copyOf(others);
        flags = List.copyOf(flags);
    }
}
