package dev.backcoach.core.text;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.jspecify.annotations.Nullable;

/**
 * How the screen reads words: apostrophes dropped ("can't" = "cant"), lower case, accents folded,
 * (for messages only) typos corrected towards the rules' own words, the catalog's synonyms, and
 * Porter stems ("tingling" = "tingles").
 */
public final class WordAnalyzer extends Analyzer {
    private static final NormalizeCharMap APOSTROPHES = apostrophes();

    private final @Nullable SynonymMap synonyms;
    private final CharArraySet keep;
    private final @Nullable TypoCorrector corrector;

    private WordAnalyzer(
            @Nullable SynonymMap synonyms, CharArraySet keep, @Nullable TypoCorrector corrector) {
        this.synonyms = synonyms;
        this.keep = keep;
        this.corrector = corrector;
    }

    /**
     * For questions: plurals only ("balls" = "ball"), no synonyms, so that "massager" and
     * "massage", or "painful" and "pain", stay apart as the FAQ's keywords need.
     */
    public static Analyzer forQuestions() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(APOSTROPHES, reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(
                        source,
                        new EnglishMinimalStemFilter(
                                new ASCIIFoldingFilter(new LowerCaseFilter(source))));
            }
        };
    }

    /** The analyzer for the rules themselves (no typo correction: the rules define the words). */
    public static WordAnalyzer forRules(List<String> synonymLines, List<String> keepWords) {
        return new WordAnalyzer(synonyms(synonymLines), new CharArraySet(keepWords, true), null);
    }

    /** The same analysis for messages, plus typo correction. */
    public WordAnalyzer withCorrector(TypoCorrector typos) {
        return new WordAnalyzer(synonyms, keep, typos);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(APOSTROPHES, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
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
        stream = new PorterStemFilter(new SetKeywordMarkerFilter(stream, keep));
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
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(APOSTROPHES, reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(
                        source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        };
    }

    private static @Nullable SynonymMap synonyms(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        try (Analyzer words = surface()) {
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
