package dev.backcoach.core.safety;

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
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * One message as the screen reads it: its words with their positions. Each sentence (and clause
 * after a comma or "but") starts {@link #SENTENCE_GAP} positions after the one before ends, so that
 * no pattern and no "no …" reaches from one into the next: "No. I can't feel my legs" is not a
 * denial.
 */
final class AnalyzedText {
    static final int SENTENCE_GAP = 100;
    private static final Pattern BREAKS =
            Pattern.compile("[.!?;,:\\n\\r()\\[\\]]+|\\s(?:but|although|though|except)\\s", Pattern.CASE_INSENSITIVE);

    final List<String> terms = new ArrayList<>();
    final List<Integer> positions = new ArrayList<>();
    final Set<String> distinct = new HashSet<>();
    /** Sentence numbers of the sentences that ended with a question mark. */
    private final BitSet questions = new BitSet();
    /** The first position of each sentence, in order. */
    private final List<Integer> sentenceStarts = new ArrayList<>();
    private int nextStart;

    AnalyzedText(Analyzer analyzer, String text) {
        Matcher breaks = BREAKS.matcher(text);
        int from = 0;
        int sentence = 0;
        while (from < text.length()) {
            boolean found = breaks.find();
            int to = found ? breaks.start() : text.length();
            if (to > from && read(analyzer, text.substring(from, to), nextStart)) {
                if (found && breaks.group().indexOf('?') >= 0) {
                    questions.set(sentence);
                }
                sentence++;
            }
            from = found ? breaks.end() : text.length();
        }
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    boolean inQuestion(int position) {
        return questions.get(sentenceOf(position));
    }

    /** True when a word of {@code words} stands at a position from {@code from} to {@code to}. */
    boolean anyBetween(Set<String> words, int from, int to) {
        return anyBetween(words, from, to, Set.of());
    }

    /** The same, passing over the words in {@code except}. */
    boolean anyBetween(Set<String> words, int from, int to, Set<String> except) {
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
    boolean inSentence(Set<String> words, int position) {
        int sentence = sentenceOf(position);
        int end = sentence + 1 < sentenceStarts.size() ? sentenceStarts.get(sentence + 1) - 1 : Integer.MAX_VALUE;
        return anyBetween(words, sentenceStarts.get(sentence), end);
    }

    /** True when a word of {@code words} stands earlier in the sentence of {@code position}. */
    boolean earlierInSentence(Set<String> words, int position) {
        return anyBetween(words, sentenceStarts.get(sentenceOf(position)), position - 1);
    }

    private int sentenceOf(int position) {
        int sentence = 0;
        while (sentence + 1 < sentenceStarts.size() && sentenceStarts.get(sentence + 1) <= position) {
            sentence++;
        }
        return sentence;
    }

    /** Reads one sentence from position {@code base}; false when it has no words. */
    private boolean read(Analyzer analyzer, String sentence, int base) {
        try (TokenStream stream = analyzer.tokenStream("text", sentence)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = base - 1;
            boolean any = false;
            while (stream.incrementToken()) {
                if (!any) {
                    sentenceStarts.add(base);
                    any = true;
                }
                position += increment.getPositionIncrement();
                String word = term.toString();
                terms.add(word);
                positions.add(Math.max(position, base));
                distinct.add(word);
            }
            stream.end();
            if (any) {
                nextStart = Math.max(position, base) + SENTENCE_GAP;
            }
            return any;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does no I/O
        }
    }

    /** The words again, as a token stream for Lucene's one-document index. */
    TokenStream replay() {
        return new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
            private int next;
            private int last = -1;

            @Override
            public boolean incrementToken() {
                if (next >= terms.size()) {
                    return false;
                }
                clearAttributes();
                int position = positions.get(next);
                term.append(terms.get(next));
                increment.setPositionIncrement(position - last);
                last = position;
                next++;
                return true;
            }

            @Override
            public void reset() {
                next = 0;
                last = -1;
            }
        };
    }
}
