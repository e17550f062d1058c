package dev.backcoach.core.text;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Reads a misspelt word as the sign word it is closest to ("bladdr" as "bladder"), using Lucene's
 * Levenshtein automata over the catalog's list of sign words. Only words of five letters or more
 * are corrected, by one edit (two from ten letters), and the first letter must match: that keeps
 * "ladder" from becoming "bladder". Answers are cached, as people reuse their words.
 */
public final class TypoCorrector {
    private static final String FIELD = "vocabulary";
    private static final int MIN_LENGTH = 5;

    private final Set<String> vocabulary;
    private final MemoryIndex index = new MemoryIndex();
    private final Cache<String, String> corrections =
            Caffeine.newBuilder().maximumSize(20_000).build();

    public TypoCorrector(Set<String> vocabulary) {
        this.vocabulary = Set.copyOf(vocabulary);
        index.addField(FIELD, index.keywordTokenStream(this.vocabulary));
        index.freeze();
    }

    /** The word itself, or the vocabulary word it most likely meant. */
    public String correct(String word) {
        if (word.length() < MIN_LENGTH || vocabulary.contains(word) || !letters(word)) {
            return word;
        }
        return corrections.get(word, this::nearest);
    }

    public TokenStream filter(TokenStream input) {
        return new TokenFilter(input) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

            @Override
            public boolean incrementToken() throws IOException {
                if (!input.incrementToken()) {
                    return false;
                }
                String word = term.toString();
                String corrected = correct(word);
                if (!corrected.equals(word)) {
                    term.setEmpty().append(corrected);
                }
                return true;
            }
        };
    }

    private String nearest(String word) {
        try {
            Terms terms =
                    index.createSearcher().getIndexReader().leaves().get(0).reader().terms(FIELD);
            if (terms == null) {
                return word;
            }
            int maxEdits = word.length() >= 10 ? 2 : 1;
            FuzzyTermsEnum candidates =
                    new FuzzyTermsEnum(terms, new Term(FIELD, word), maxEdits, 1, true);
            String best = word;
            float bestBoost = -1;
            for (BytesRef candidate = candidates.next();
                    candidate != null;
                    candidate = candidates.next()) {
                float boost = candidates.getBoost(); // higher for fewer edits relative to length
                if (boost > bestBoost) {
                    bestBoost = boost;
                    best = candidate.utf8ToString();
                }
            }
            return best;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an index in memory does no I/O
        }
    }

    private static boolean letters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
