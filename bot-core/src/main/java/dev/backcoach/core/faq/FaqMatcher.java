package dev.backcoach.core.faq;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.FaqEntry;
import dev.backcoach.core.content.SmallTalk;
import dev.backcoach.core.text.Phrase;
import dev.backcoach.core.text.ReadText;
import dev.backcoach.core.text.WordAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * Finds the FAQ entry or small talk a typed message asks for. Every keyword is a phrase whose words
 * must all appear, in order, a few words apart at most (plurals and case do not matter). The
 * longest matching phrase wins, so "heat or ice" beats "heat"; on a tie the entry listed first
 * does. When a long message matches only a short keyword, or two entries match as strongly, the
 * answer is a guess and says so. Small talk counts only when it is nearly the whole message
 * ("thanks!", not "thanks, but should it hurt?").
 */
public final class FaqMatcher {
    /** Small talk is a short message: a greeting inside a question is not small talk. */
    private static final int SMALL_TALK_WORDS = 4;

    /**
     * Any keyword is enough in a message this short ("heat or ice?", "can I use a foam roller?");
     * in a longer one only a phrase of three words or more is, as a long message often names things
     * it does not ask about.
     */
    private static final int SURE_WORDS = 6;

    private record Keyword(Phrase phrase, int order, Understood meaning, boolean smallTalk) {}

    private final Analyzer analyzer;
    private final List<Keyword> keywords = new ArrayList<>();

    /** Keywords by their first word: a message is compared only with those it could match. */
    private final Map<String, List<Keyword>> byFirstWord = new HashMap<>();

    public FaqMatcher(Catalog catalog) {
        this(catalog, "en");
    }

    /** The catalog's questions, read with {@code language}'s plural stems. */
    public FaqMatcher(Catalog catalog, String language) {
        this.analyzer = WordAnalyzer.forQuestions(language);
        int order = 0;
        for (FaqEntry entry : catalog.faq()) {
            for (String keyword : entry.keywords()) {
                add(keyword, order++, new Understood.Question(entry, true), false);
            }
        }
        for (SmallTalk talk : catalog.smalltalk()) {
            for (String keyword : talk.keywords()) {
                add(keyword, order++, new Understood.SmallTalk(talk.id()), true);
            }
        }
    }

    public Understood understand(String text) {
        ReadText read = new ReadText(analyzer, text);
        Keyword best = null;
        Keyword rival = null; // the best match of another entry
        for (Keyword k : candidates(read)) {
            if (!k.phrase().mayMatch(read.distinct())
                    || (k.smallTalk()
                            && read.terms().size()
                                    > k.phrase().slots().size() + SMALL_TALK_WORDS - 1)) {
                continue;
            }
            boolean[] found = {false};
            k.phrase()
                    .forEachMatch(read.terms(), read.positions(), (start, end) -> found[0] = true);
            if (!found[0]) {
                continue;
            }
            if (best == null || longer(k, best)) {
                if (best != null && !best.meaning().equals(k.meaning())) {
                    rival = best;
                }
                best = k;
            } else if (!k.meaning().equals(best.meaning()) && (rival == null || longer(k, rival))) {
                rival = k;
            }
        }
        if (best == null) {
            return Understood.NOTHING;
        }
        if (best.meaning() instanceof Understood.Question q) {
            int words = best.phrase().slots().size();
            boolean unrivalled = rival == null || rival.phrase().slots().size() < words;
            boolean sure = unrivalled && (words >= 3 || read.terms().size() <= SURE_WORDS);
            return new Understood.Question(q.entry(), sure);
        }
        return best.meaning();
    }

    /** The keywords whose first word is in the message, in catalog order. */
    private List<Keyword> candidates(ReadText read) {
        List<Keyword> found = new ArrayList<>();
        for (String word : read.distinct()) {
            found.addAll(byFirstWord.getOrDefault(word, List.of()));
        }
        found.sort(java.util.Comparator.comparingInt(Keyword::order));
        return found;
    }

    private static boolean longer(Keyword k, Keyword than) {
        int words = k.phrase().slots().size();
        int thanWords = than.phrase().slots().size();
        return words > thanWords || (words == thanWords && k.order() < than.order());
    }

    private void add(String keyword, int order, Understood meaning, boolean smallTalk) {
        List<String> analysed = Phrase.analyse(analyzer, keyword);
        if (analysed.isEmpty()) {
            throw new IllegalArgumentException("keyword \"" + keyword + "\" has no words");
        }
        Keyword k =
                new Keyword(Phrase.ofWords("text", keyword, analysed), order, meaning, smallTalk);
        keywords.add(k);
        byFirstWord.computeIfAbsent(analysed.get(0), w -> new ArrayList<>()).add(k);
    }
}
