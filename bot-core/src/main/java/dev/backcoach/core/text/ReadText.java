package dev.backcoach.core.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One message as the screen reads it: its words with their positions. Each sentence (and clause
 * after a comma or "but") starts {@link #SENTENCE_GAP} positions after the one before ends, so that
 * no pattern and no "no …" reaches from one into the next: "No. I can't feel my legs" is not a
 * denial.
 */
public final class ReadText {
    public static final int SENTENCE_GAP = 100;
    private static final Pattern BREAKS =
            Pattern.compile(
                    "[.!?;,:\\n\\r()\\[\\]]+|\\s(?:but|although|though|except)\\s",
                    Pattern.CASE_INSENSITIVE);

    private final List<String> terms = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private final Set<String> distinct = new HashSet<>();

    /** Sentence numbers of the sentences that ended with a question mark. */
    private final BitSet questions = new BitSet();

    /** The first position of each sentence, in order. */
    private final List<Integer> sentenceStarts = new ArrayList<>();

    /**
     * Reads the whole message in one pass; the breaks between sentences come from their offsets.
     */
    public ReadText(Analyzer analyzer, String text) {
        List<Integer> breaks = new ArrayList<>();
        BitSet questionBreaks = new BitSet();
        Matcher found = BREAKS.matcher(text);
        while (found.find()) {
            if (found.group().indexOf('?') >= 0) {
                questionBreaks.set(breaks.size());
            }
            breaks.add(found.start());
        }
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment =
                    stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int position = -1;
            int segment = -1; // how many breaks stand before the current sentence
            while (stream.incrementToken()) {
                int before = segment < 0 ? 0 : segment;
                while (before < breaks.size() && breaks.get(before) < offset.startOffset()) {
                    before++;
                }
                if (before != segment) { // a new sentence: far from the last one
                    if (segment >= 0 && questionBreaks.get(segment)) {
                        questions.set(sentenceStarts.size() - 1);
                    }
                    position = position < 0 ? 0 : position + SENTENCE_GAP;
                    sentenceStarts.add(position);
                    segment = before;
                } else {
                    position += increment.getPositionIncrement();
                }
                String word = term.toString();
                terms.add(word);
                positions.add(position);
                distinct.add(word);
            }
            stream.end();
            if (segment >= 0 && questionBreaks.get(segment)) {
                questions.set(sentenceStarts.size() - 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does no I/O
        }
    }

    /** The words, in order. */
    public List<String> terms() {
        return java.util.Collections.unmodifiableList(terms);
    }

    /** The position of each word in {@link #terms()}. */
    public List<Integer> positions() {
        return java.util.Collections.unmodifiableList(positions);
    }

    /** The words, each once. */
    public Set<String> distinct() {
        return java.util.Collections.unmodifiableSet(distinct);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public boolean inQuestion(int position) {
        return questions.get(sentenceOf(position));
    }

    /** True when a word of {@code words} stands at a position from {@code from} to {@code to}. */
    public boolean anyBetween(Set<String> words, int from, int to) {
        return anyBetween(words, from, to, Set.of());
    }

    /** The same, passing over the words in {@code except}. */
    public boolean anyBetween(Set<String> words, int from, int to, Set<String> except) {
        for (int i = 0; i < terms.size(); i++) {
            int p = positions.get(i);
            String term = terms.get(i);
            if (p >= from && p <= to && words.contains(term) && !except.contains(term)) {
                return true;
            }
        }
        return false;
    }

    /** True when a word of {@code words} stands anywhere in the sentence of {@code position}. */
    public boolean inSentence(Set<String> words, int position) {
        int sentence = sentenceOf(position);
        int end =
                sentence + 1 < sentenceStarts.size()
                        ? sentenceStarts.get(sentence + 1) - 1
                        : Integer.MAX_VALUE;
        return anyBetween(words, sentenceStarts.get(sentence), end);
    }

    /** True when a word of {@code words} stands earlier in the sentence of {@code position}. */
    public boolean earlierInSentence(Set<String> words, int position) {
        return anyBetween(words, sentenceStarts.get(sentenceOf(position)), position - 1);
    }

    private int sentenceOf(int position) {
        int sentence = 0;
        while (sentence + 1 < sentenceStarts.size()
                && sentenceStarts.get(sentence + 1) <= position) {
            sentence++;
        }
        return sentence;
    }
}
