package dev.backcoach.core.text;

import java.util.Locale;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishPluralStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Each language's way from a typed word to the word the rules compare: lower case and folding
 * first, then the language's stemmer. A language without its own entry reads as English does.
 */
final class Stems {
    private Stems() {}

    /**
     * Lower case with accents folded ("está" = "esta", "sí" = "si"): people often type without
     * them. Russian keeps its letters, with ё read as е, as most people type it.
     */
    static TokenStream folded(String language, TokenStream source) {
        TokenStream lower = new LowerCaseFilter(source);
        return language.equals("ru") ? new YoAsYe(lower) : new ASCIIFoldingFilter(lower);
    }

    /** The screen's stems: Porter for English, Snowball for Spanish and Russian. */
    static TokenStream full(String language, TokenStream stream) {
        return switch (language) {
            case "es" -> new SnowballFilter(stream, new SpanishStemmer());
            case "ru" -> new SnowballFilter(stream, new RussianStemmer());
            default -> new PorterStemFilter(stream);
        };
    }

    /** The FAQ's lighter stems: plurals and endings only, so related words stay apart. */
    static TokenStream plurals(String language, TokenStream stream) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "es" -> new SpanishPluralStemFilter(stream);
            case "ru" -> new RussianLightStemFilter(stream);
            default -> new EnglishMinimalStemFilter(stream);
        };
    }

    /** ё → е inside a word. */
    private static final class YoAsYe extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        YoAsYe(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws java.io.IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buffer = term.buffer();
            for (int i = 0; i < term.length(); i++) {
                if (buffer[i] == 'ё') {
                    buffer[i] = 'е';
                }
            }
            return true;
        }
    }
}
