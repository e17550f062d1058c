package dev.backcoach.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queries.spans.SpanWeight;
import org.apache.lucene.queries.spans.Spans;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;

/**
 * The screen matches patterns itself rather than through a one-document Lucene index, which costs
 * far more per message. Lucene's ordered span query stays the reference: on any words, at any
 * positions, both report the same matches.
 */
class PhraseTest {
    private static final List<String> WORDS = List.of("a", "b", "c", "d", "e");

    record Message(List<String> terms, List<Integer> positions) {}

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<String> word = Arbitraries.of(WORDS);
        // Mostly the next position, sometimes a gap, now and then a new sentence.
        Arbitrary<Integer> step =
                Arbitraries.frequency(Tuple.of(8, 1), Tuple.of(1, 2), Tuple.of(1, 100));
        return Combinators.combine(word.list().ofMaxSize(25), step.list().ofSize(25))
                .as(
                        (terms, steps) -> {
                            List<Integer> positions = new ArrayList<>();
                            int p = -1;
                            for (int i = 0; i < terms.size(); i++) {
                                p += steps.get(i);
                                positions.add(p);
                            }
                            return new Message(terms, positions);
                        });
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> slot =
                Arbitraries.of(WORDS).set().ofMinSize(1).ofMaxSize(2).map(s -> String.join("|", s));
        return slot.list().ofMinSize(1).ofMaxSize(4).map(slots -> String.join(" ", slots));
    }

    @Property(tries = 2_000)
    void matchesWhereLucenesOrderedSpanQueryMatches(
            @ForAll("messages") Message message, @ForAll("patterns") String source)
            throws IOException {
        List<String> problems = new ArrayList<>();
        Phrase pattern = Phrase.compile("text", source, new WhitespaceAnalyzer(), problems);
        assertThat(problems).isEmpty();

        List<String> ours = new ArrayList<>();
        pattern.forEachMatch(
                message.terms(), message.positions(), (start, end) -> ours.add(start + "-" + end));
        assertThat(ours)
                .as("pattern %s in %s", source, message)
                .isEqualTo(lucene(pattern, message));
    }

    private static List<String> lucene(Phrase pattern, Message message) throws IOException {
        MemoryIndex index = new MemoryIndex();
        index.addField("text", replay(message));
        IndexSearcher searcher = index.createSearcher();
        SpanWeight weight =
                (SpanWeight)
                        searcher.createWeight(
                                searcher.rewrite(pattern.query()),
                                ScoreMode.COMPLETE_NO_SCORES,
                                1f);
        Spans spans =
                weight.getSpans(
                        searcher.getIndexReader().leaves().get(0), SpanWeight.Postings.POSITIONS);
        List<String> found = new ArrayList<>();
        if (spans != null && spans.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
            for (int s = spans.nextStartPosition();
                    s != Spans.NO_MORE_POSITIONS;
                    s = spans.nextStartPosition()) {
                found.add(s + "-" + spans.endPosition());
            }
        }
        return found;
    }

    private static TokenStream replay(Message message) {
        return new TokenStream() {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute increment =
                    addAttribute(PositionIncrementAttribute.class);
            private int next;
            private int last = -1;

            @Override
            public boolean incrementToken() {
                if (next >= message.terms().size()) {
                    return false;
                }
                clearAttributes();
                term.append(message.terms().get(next));
                increment.setPositionIncrement(message.positions().get(next) - last);
                last = message.positions().get(next);
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
