package dev.backcoach.core.safety;

import dev.backcoach.core.content.RedFlag;
import dev.backcoach.core.content.RedFlagRules;
import dev.backcoach.core.content.Tier;
import dev.backcoach.core.text.Phrase;
import dev.backcoach.core.text.ReadText;
import dev.backcoach.core.text.TypoCorrector;
import dev.backcoach.core.text.WordAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a typed message for warning signs. Thread-safe and without I/O: build one per catalog.
 *
 * <p>Each message is analysed once, by Lucene. Rules whose words are not all in it are passed over
 * (most messages have none of the rules' words, so that is all they cost); the rest are matched as
 * Lucene's ordered span queries would match them (see {@link Phrase}). A match right after "no",
 * "not", "never" … or right before "fine", "ok" …, or (for signs that count only when recent) in a
 * sentence that says "years ago", is a denial; one near "what if", "worried", "lol" …, after a word
 * for someone else ("my wife …"), or in a question is a hedge. A denied plain report only asks, a
 * denied hint says nothing, a hedged report asks.
 */
public final class RedFlagDetector {
    /** The platforms' longest message (Telegram's 4,096); anything after it is not read. */
    public static final int MAX_CHARS = 4_096;

    private static final int NEGATION_REACH = 3;
    private static final int REASSURANCE_REACH = 2;
    private static final int HEDGE_REACH = 6;

    /** One message asks about at most this many signs, one question at a time. */
    static final int MAX_QUESTIONS = 3;

    private record Rule(RedFlag flag, boolean plain, Phrase pattern, Set<String> words) {
        Rule(RedFlag flag, boolean plain, Phrase pattern) {
            this(flag, plain, pattern, pattern.words());
        }
    }

    private enum Strength {
        NONE,
        HINT,
        PLAIN
    }

    private final WordAnalyzer analyzer;
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, List<Rule>> rulesByWord = new HashMap<>();
    private final Set<String> negations;
    private final Set<String> reassurances;
    private final Set<String> hedges;
    private final Set<String> longAgo;
    private final Set<String> others;
    private final Set<String> jokes;

    /** The flags, most urgent tier first (stable within a tier). */
    private final List<RedFlag> byUrgency;

    /** English rules. */
    public RedFlagDetector(RedFlagRules content) {
        this(content, "en");
    }

    /**
     * Rules written in {@code language}, read with its stems; fails with every problem listed when
     * a rule cannot be read. The rules are worked out at build time for the catalogs (see {@link
     * ScreenImage}); any others are worked out here.
     */
    public RedFlagDetector(RedFlagRules content, String language) {
        this(
                content,
                language,
                ScreenImage.read(content, language)
                        .orElseGet(() -> ScreenRules.compile(content, language)));
    }

    /** A detector from its rules as worked out before: the build's, or {@link ScreenRules}'. */
    RedFlagDetector(RedFlagRules content, String language, ScreenRules compiled) {
        this.byUrgency =
                content.flags().stream()
                        .sorted(java.util.Comparator.comparing(RedFlag::tier))
                        .toList();
        for (ScreenRules.Pattern p : compiled.patterns()) {
            rules.add(new Rule(content.flags().get(p.flag()), p.plain(), p.phrase()));
        }
        for (Rule rule : rules) {
            // A match starts with a word of the first slot: the rule is listed under those words
            // only.
            for (String word : rule.pattern().slots().get(0)) {
                rulesByWord.computeIfAbsent(word, w -> new ArrayList<>()).add(rule);
            }
        }
        this.negations = compiled.negations();
        this.reassurances = compiled.reassurances();
        this.hedges = compiled.hedges();
        this.longAgo = compiled.longAgo();
        this.others = compiled.others();
        this.jokes = compiled.jokes();
        this.analyzer =
                WordAnalyzer.of(language, compiled.synonyms(), content.keep())
                        .withCorrector(new TypoCorrector(compiled.vocabulary()));
    }

    public Finding detect(String message) {
        if (message.isBlank()) {
            return Finding.NONE; // most commands carry no text: nothing to read
        }
        String text = message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) : message;
        ReadText analysed = new ReadText(analyzer, text);
        if (analysed.isEmpty()) {
            return Finding.NONE;
        }
        List<Rule> candidates = candidates(analysed);
        if (candidates.isEmpty()) {
            return Finding.NONE;
        }
        @Nullable RedFlag plain = null;
        List<RedFlag> hints = new ArrayList<>();
        for (Rule rule : candidates) {
            Strength strength = strength(rule, analysed);
            if (strength == Strength.PLAIN && moreUrgent(rule.flag(), plain)) {
                plain = rule.flag();
            } else if (strength == Strength.HINT && !hints.contains(rule.flag())) {
                hints.add(rule.flag());
            }
        }
        List<RedFlag> asks = new ArrayList<>();
        for (RedFlag flag : byUrgency) {
            if (hints.contains(flag) && moreUrgent(flag, plain) && asks.size() < MAX_QUESTIONS) {
                asks.add(flag);
            }
        }
        if (!asks.isEmpty()) {
            return new Finding.Possible(asks, plain);
        }
        return plain != null ? new Finding.Clear(plain) : Finding.NONE;
    }

    /**
     * The words the screen reads in {@code text}, by position: for tests and for tuning the rules.
     */
    String explain(String text) {
        ReadText analysed = new ReadText(analyzer, text);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < analysed.terms().size(); i++) {
            out.append(i == 0 ? "" : " ")
                    .append(analysed.positions().get(i))
                    .append(':')
                    .append(analysed.terms().get(i));
        }
        return out.toString();
    }

    private List<Rule> candidates(ReadText analysed) {
        List<Rule> found = new ArrayList<>();
        for (String word : analysed.distinct()) {
            for (Rule rule : rulesByWord.getOrDefault(word, List.of())) {
                // A rule with two first words in the message is listed twice: the second is cheap
                // to skip.
                if (rule.pattern().mayMatch(analysed.distinct()) && !found.contains(rule)) {
                    found.add(rule);
                }
            }
        }
        return found;
    }

    /** The strongest way the rule matches anywhere in the message. */
    private Strength strength(Rule rule, ReadText analysed) {
        Strength[] best = {Strength.NONE};
        rule.pattern()
                .forEachMatch(
                        analysed.terms(),
                        analysed.positions(),
                        (start, end) -> {
                            Strength here = judge(rule, start, end, analysed);
                            if (here.compareTo(best[0]) > 0) {
                                best[0] = here;
                            }
                        });
        return best[0];
    }

    private Strength judge(Rule rule, int start, int end, ReadText analysed) {
        boolean plain = rule.plain();
        boolean denied =
                analysed.anyBetween(negations, start - NEGATION_REACH, start - 1)
                        || analysed.anyBetween(
                                negations,
                                start + 1,
                                end - 2,
                                rule.words()) // "sneezing doesnt make it worse"
                        || analysed.anyBetween(reassurances, end, end + REASSURANCE_REACH - 1)
                        || (rule.flag().recentOnly() && analysed.inSentence(longAgo, start));
        boolean hedged =
                analysed.inQuestion(start)
                        || analysed.anyBetween(hedges, start - HEDGE_REACH, start - 1)
                        || analysed.inSentence(jokes, start)
                        || analysed.earlierInSentence(others, start);
        if (plain) {
            return denied || hedged ? Strength.HINT : Strength.PLAIN;
        }
        return denied ? Strength.NONE : Strength.HINT;
    }

    private static boolean moreUrgent(RedFlag flag, @Nullable RedFlag than) {
        return than == null || rank(flag.tier()) < rank(than.tier());
    }

    @SuppressWarnings("EnumOrdinal") // Tier's order is its meaning: most urgent first
    private static int rank(Tier tier) {
        return tier.ordinal(); // tiers are declared most urgent first
    }
}
