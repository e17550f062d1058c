package dev.backcoach.core.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.jspecify.annotations.Nullable;

/**
 * How the screen reads words: apostrophes dropped ("can't" = "cant"), lower case, accents folded
 * (Russian: ё read as е), (for messages only) typos corrected towards the rules' own words, the
 * catalog's synonyms, and the language's stems: Porter for English ("tingling" = "tingles"),
 * Snowball for Spanish ("hormigueo" = "hormigueos") and Russian ("немеет" = "немела").
 */
public final class WordAnalyzer extends Analyzer {
    private static final NormalizeCharMap APOSTROPHES = apostrophes();

    private final String language;
    private final @Nullable SynonymMap synonyms;
    private final CharArraySet keep;
    private final @Nullable TypoCorrector corrector;

    private WordAnalyzer(
            String language,
            @Nullable SynonymMap synonyms,
            CharArraySet keep,
            @Nullable TypoCorrector corrector) {
        this.language = language;
        this.synonyms = synonyms;
        this.keep = keep;
        this.corrector = corrector;
    }

    /**
     * For questions: plurals only ("balls" = "ball"), no synonyms, so that "massager" and
     * "massage", or "painful" and "pain", stay apart as the FAQ's keywords need.
     */
    public static Analyzer forQuestions() {
        return forQuestions("en");
    }

    /** {@link #forQuestions()} in {@code language}: its light plural stemmer. */
    public static Analyzer forQuestions(String language) {
        return withoutApostrophes(
                source -> Stems.plurals(language, Stems.folded(language, source)));
    }

    /**
     * The analyzer for the rules themselves, in {@code language} with its stems (no typo
     * correction: the rules define the words); their synonyms read by {@link #synonyms}.
     */
    public static WordAnalyzer of(
            String language, @Nullable SynonymMap synonyms, List<String> keepWords) {
        return new WordAnalyzer(language, synonyms, new CharArraySet(keepWords, true), null);
    }

    /** The same analysis for messages, plus typo correction. */
    public WordAnalyzer withCorrector(TypoCorrector typos) {
        return new WordAnalyzer(language, synonyms, keep, typos);
    }

    /** The language whose stems this analyzer uses. */
    public String language() {
        return language;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(APOSTROPHES, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = Stems.folded(language, source);
        if (corrector != null) {
            stream =
                    corrector.filter(
                            stream); // before synonyms, so "warferin" still becomes a blood thinner
        }
        if (synonyms != null) {
            // Every synonym reads as one word, so the output stays a plain sequence and needs no
            // FlattenGraphFilter (which took half the analysis time).
            stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        stream = Stems.full(language, new SetKeywordMarkerFilter(stream, keep));
        return new TokenStreamComponents(source, stream);
    }

    private static NormalizeCharMap apostrophes() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        for (String mark : List.of("'", "\u2019", "\u2018", "`", "\u00b4", "\u02bc")) {
            map.add(mark, "");
        }
        return map.build();
    }

    /** Words as typed, before synonyms and stems: what synonyms and typo correction work on. */
    public static Analyzer surface() {
        return surface("en");
    }

    /** {@link #surface()} in {@code language} (Russian reads ё as е). */
    public static Analyzer surface(String language) {
        return withoutApostrophes(source -> Stems.folded(language, source));
    }

    /**
     * Apostrophes dropped, standard words, then {@code filters}: the base of the light analyzers.
     */
    private static Analyzer withoutApostrophes(Function<Tokenizer, TokenStream> filters) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(APOSTROPHES, reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, filters.apply(source));
            }
        };
    }

    /**
     * The catalog's synonym lines read with the words as typed ({@link #surface}); null when there
     * are none.
     *
     * @throws IllegalArgumentException when a line cannot be read
     */
    public static @Nullable SynonymMap synonyms(String language, List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        try (Analyzer words = surface(language)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, false, words);
            parser.parse(new StringReader(String.join("\n", lines)));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException(
                    "red-flag synonyms cannot be read: " + e.getMessage(), e);
        }
    }
}
