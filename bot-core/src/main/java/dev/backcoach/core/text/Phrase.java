package dev.backcoach.core.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;

/**
 * One rule pattern, matched as a Lucene span query would match it: its words in order, each at most
 * {@link #WORDS_BETWEEN} words after the one before ("my legs are both getting weak" meets "legs
 * both weak"). Each slot holds its analysed words, so a message lacking any of them is passed over
 * at once.
 *
 * @param field the field of the span query ({@link #query})
 */
public record Phrase(String field, String source, List<Set<String>> slots) {
    public static final int WORDS_BETWEEN = 3;

    /**
     * Compiles {@code source}; problems (a word that reads as nothing, or as two) go to {@code
     * problems}.
     */
    public static Phrase compile(
            String field, String source, Analyzer analyzer, List<String> problems) {
        List<Set<String>> slots = new ArrayList<>();
        for (String slot : source.strip().split("\\s+", -1)) {
            Set<String> words = new LinkedHashSet<>();
            for (String alternative : slot.split("\\|", -1)) {
                List<String> analysed = analyse(analyzer, alternative);
                if (analysed.size() != 1) {
                    problems.add(
                            "pattern \""
                                    + source
                                    + "\": \""
                                    + alternative
                                    + "\" reads as "
                                    + analysed
                                    + "; write one word per slot");
                } else {
                    words.add(analysed.get(0));
                }
            }
            if (words.isEmpty()) {
                continue;
            }
            slots.add(Set.copyOf(words));
        }
        if (slots.isEmpty()) {
            problems.add("pattern \"" + source + "\" has no words");
            slots.add(Set.of("\u0000never"));
        }
        return of(field, source, slots);
    }

    /** A phrase of words already analysed, one word to a slot ("how often" → how, often). */
    public static Phrase ofWords(String field, String source, List<String> words) {
        return of(field, source, words.stream().map(Set::of).toList());
    }

    /** A phrase whose slots were analysed before: a pattern the build saved, read back. */
    public static Phrase of(String field, String source, List<Set<String>> slots) {
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("pattern \"" + source + "\" has no words");
        }
        return new Phrase(field, source, slots.stream().map(Set::copyOf).toList());
    }

    /**
     * The pattern as Lucene's span query: the reference its matching follows (built on demand, as
     * only {@code PhraseTest} runs it).
     */
    public SpanQuery query() {
        List<SpanQuery> clauses = new ArrayList<>();
        for (Set<String> words : slots) {
            List<SpanQuery> terms =
                    words.stream()
                            .<SpanQuery>map(w -> new SpanTermQuery(new Term(field, w)))
                            .toList();
            clauses.add(
                    terms.size() == 1
                            ? terms.get(0)
                            : new SpanOrQuery(terms.toArray(SpanQuery[]::new)));
        }
        return clauses.size() == 1
                ? clauses.get(0)
                : new SpanNearQuery(
                        clauses.toArray(SpanQuery[]::new),
                        WORDS_BETWEEN * (clauses.size() - 1),
                        true);
    }

    /** One place a pattern matches: the position of its first word and the one after its last. */
    @FunctionalInterface
    public interface Match {
        void at(int start, int end);
    }

    /**
     * Calls {@code match} with the start and end of every place the pattern matches, exactly as
     * Lucene's ordered {@link SpanNearQuery} reports them (each slot at the earliest position after
     * the one before; the words between them, added up, at most the slop). Running the query on a
     * one-document index costs far more per message; {@code PhraseTest} checks that both agree.
     */
    public void forEachMatch(List<String> terms, List<Integer> positions, Match match) {
        int slop = WORDS_BETWEEN * (slots.size() - 1);
        for (int first = 0; first < terms.size(); first++) {
            if (!slots.get(0).contains(terms.get(first))) {
                continue;
            }
            int start = positions.get(first);
            int previous = start;
            boolean complete = true;
            for (int slot = 1; slot < slots.size() && complete; slot++) {
                int found = -1;
                for (int i = 0; i < terms.size(); i++) {
                    int p = positions.get(i);
                    if (p > previous
                            && (found < 0 || p < found)
                            && slots.get(slot).contains(terms.get(i))) {
                        found = p;
                    }
                }
                complete = found >= 0;
                previous = found;
            }
            if (complete && previous - start - (slots.size() - 1) <= slop) {
                match.at(start, previous + 1);
            }
        }
    }

    /** Every word the pattern accepts, in any slot. */
    public Set<String> words() {
        Set<String> all = new java.util.HashSet<>();
        slots.forEach(all::addAll);
        return all;
    }

    /** True when the message has a word for every slot: a cheap test before the span query. */
    public boolean mayMatch(Set<String> words) {
        for (Set<String> slot : slots) {
            boolean any = false;
            for (String w : slot) {
                if (words.contains(w)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    public static List<String> analyse(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
