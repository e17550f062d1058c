package dev.backcoach.core.safety;

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
 * One rule pattern as a Lucene span query: its words in order, each at most
 * {@link #WORDS_BETWEEN} words after the one before ("my legs are both getting weak" meets
 * "legs both weak"). Each slot also keeps its analysed words, so a message lacking any of them
 * is passed over without running the query.
 */
record FlagPattern(String source, SpanQuery query, List<Set<String>> slots) {
    static final int WORDS_BETWEEN = 3;

    /** Compiles {@code source}; problems (a word that reads as nothing, or as two) go to {@code problems}. */
    static FlagPattern compile(String field, String source, Analyzer analyzer, List<String> problems) {
        List<Set<String>> slots = new ArrayList<>();
        List<SpanQuery> clauses = new ArrayList<>();
        for (String slot : source.strip().split("\\s+", -1)) {
            Set<String> words = new LinkedHashSet<>();
            for (String alternative : slot.split("\\|", -1)) {
                List<String> analysed = analyse(analyzer, alternative);
                if (analysed.size() != 1) {
                    problems.add("pattern \"" + source + "\": \"" + alternative + "\" reads as " + analysed
                            + "; write one word per slot");
                } else {
                    words.add(analysed.get(0));
                }
            }
            if (words.isEmpty()) {
                continue;
            }
            slots.add(Set.copyOf(words));
            List<SpanQuery> terms = words.stream().<SpanQuery>map(w -> new SpanTermQuery(new Term(field, w))).toList();
            clauses.add(terms.size() == 1 ? terms.get(0) : new SpanOrQuery(terms.toArray(SpanQuery[]::new)));
        }
        if (clauses.isEmpty()) {
            problems.add("pattern \"" + source + "\" has no words");
            clauses.add(new SpanTermQuery(new Term(field, "\u0000never")));
            slots.add(Set.of("\u0000never"));
        }
        SpanQuery query = clauses.size() == 1
                ? clauses.get(0)
                : new SpanNearQuery(clauses.toArray(SpanQuery[]::new), WORDS_BETWEEN * (clauses.size() - 1), true);
        return new FlagPattern(source, query, List.copyOf(slots));
    }

    /** Every word the pattern accepts, in any slot. */
    Set<String> words() {
        Set<String> all = new java.util.HashSet<>();
        slots.forEach(all::addAll);
        return all;
    }

    /** True when the message has a word for every slot: a cheap test before the span query. */
    boolean mayMatch(Set<String> words) {
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

    static List<String> analyse(Analyzer analyzer, String text) {
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
