package dev.backcoach.core.faq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labelled questions: each gets the right answer, an honest "I don't know", or an answer given
 * as a guess that names the question it answers, and never a confidently wrong one.
 */
class FaqCorpusTest {
    /**
     * {@code faq-<language>.tsv} holds a language's own questions, asked of its catalog with its
     * analyzer; English's sets carry no language in their names.
     */
    private static FaqMatcher matcher(String file) {
        for (String code : Languages.KNOWN) {
            if (file.equals("faq-" + code + ".tsv")) {
                return new FaqMatcher(Chat.CATALOGS.get(code), code);
            }
        }
        return new FaqMatcher(Chat.CATALOG);
    }

    static List<String> corpora() {
        List<String> files = new ArrayList<>(List.of("faq.tsv", "faq-blind.tsv"));
        for (String code : Languages.KNOWN) {
            if (FaqCorpusTest.class.getResource("/corpus/faq-" + code + ".tsv") != null) {
                files.add("faq-" + code + ".tsv");
            }
        }
        return files;
    }

    /**
     * {@code faq.tsv} is the set the keywords were tuned on; {@code faq-blind.tsv} was written
     * without seeing them.
     */
    @ParameterizedTest
    @MethodSource("corpora")
    void rightOrHonestNeverConfidentlyWrong(String file) throws IOException {
        FaqMatcher matcher = matcher(file);
        Map<String, Integer> counts = new TreeMap<>();
        StringBuilder notRight = new StringBuilder();
        int total = 0;
        try (InputStream in = getClass().getResourceAsStream("/corpus/" + file)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] cells = lines[i].split("\t", 2);
                String expect = cells[0].strip();
                Understood understood = matcher.understand(cells[1]);
                String outcome = outcome(expect, understood);
                counts.merge(outcome, 1, Integer::sum);
                total++;
                if (!outcome.startsWith("right")) {
                    notRight.append(
                            String.format(
                                    "  %-16s %-20s got %-20s %s%n",
                                    outcome, expect, label(understood), cells[1]));
                }
            }
        }
        StringBuilder report =
                new StringBuilder("FAQ corpus " + file + ": " + total + " questions\n");
        for (var e : counts.entrySet()) {
            report.append(
                    String.format(
                            "  %-18s %4d  %5.1f%%%n",
                            e.getKey(), e.getValue(), 100.0 * e.getValue() / total));
        }
        System.out.println(report + "Not right:\n" + notRight);

        int right = counts.getOrDefault("right", 0) + counts.getOrDefault("right, as a guess", 0);
        int honest = counts.getOrDefault("honest", 0) + counts.getOrDefault("wrong, as a guess", 0);
        assertThat(counts.getOrDefault("confidently wrong", 0))
                .as("confidently wrong answers")
                .isZero();
        assertThat((right + honest) / (double) total).isGreaterThanOrEqualTo(0.90);
        assertThat(right / (double) total).as("right answers").isGreaterThanOrEqualTo(0.80);
    }

    private static String outcome(String expect, Understood understood) {
        String got = label(understood);
        boolean sure = !(understood instanceof Understood.Question q) || q.sure();
        if (got.equals(expect)) {
            return sure ? "right" : "right, as a guess";
        } else if (got.equals("none")) {
            return "honest";
        }
        return sure ? "confidently wrong" : "wrong, as a guess";
    }

    /**
     * The off-topic and other-body-parts entries are the catalog's honest "I don't know about
     * that", so they count as one.
     */
    static String label(Understood understood) {
        if (understood instanceof Understood.Question q) {
            String id = q.entry().id();
            return id.equals("off_topic") || id.equals("other_body_parts") ? "none" : id;
        }
        return understood instanceof Understood.SmallTalk t ? "smalltalk:" + t.id() : "none";
    }
}
