package dev.backcoach.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.RedFlagRules;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The build works each catalog's rules out once and saves them; start-up reads them back. A
 * detector made from the saved rules must read every message exactly as one made from the rules
 * themselves, and saved rules must never stand in for other rules or come back damaged.
 */
class ScreenImageTest {
    private static final List<String> LANGUAGES = List.of("en", "es", "ru");
    private static final Map<String, String> CORPUS =
            Map.of("en", "redflags.tsv", "es", "redflags-es.tsv", "ru", "redflags-ru.tsv");

    private static final Map<String, RedFlagRules> RULES = rules();
    private static final Map<String, RedFlagDetector> SAVED = detectors(true);
    private static final Map<String, RedFlagDetector> WORKED_OUT = detectors(false);

    @Test
    void theBuildSavedEveryCatalogsCurrentRules() {
        for (String code : LANGUAGES) {
            assertThat(ScreenImage.read(RULES.get(code), code)).as(code).isPresent();
        }
    }

    @Test
    void savedRulesReadBackAsWorkedOut() {
        for (String code : LANGUAGES) {
            ScreenRules saved = ScreenImage.read(RULES.get(code), code).orElseThrow();
            ScreenRules fresh = ScreenRules.compile(RULES.get(code), code);
            assertThat(saved.patterns()).hasSameSizeAs(fresh.patterns());
            for (int i = 0; i < fresh.patterns().size(); i++) {
                ScreenRules.Pattern s = saved.patterns().get(i);
                ScreenRules.Pattern f = fresh.patterns().get(i);
                assertThat(List.of(s.flag(), s.plain(), s.phrase().source(), s.phrase().slots()))
                        .as(code + " " + f.phrase().source())
                        .isEqualTo(
                                List.of(
                                        f.flag(),
                                        f.plain(),
                                        f.phrase().source(),
                                        f.phrase().slots()));
            }
            assertThat(
                            List.of(
                                    saved.negations(),
                                    saved.reassurances(),
                                    saved.hedges(),
                                    saved.longAgo(),
                                    saved.jokes(),
                                    saved.others(),
                                    saved.vocabulary()))
                    .as(code)
                    .isEqualTo(
                            List.of(
                                    fresh.negations(),
                                    fresh.reassurances(),
                                    fresh.hedges(),
                                    fresh.longAgo(),
                                    fresh.jokes(),
                                    fresh.others(),
                                    fresh.vocabulary()));
        }
    }

    /** Synonyms, stems and typos included: every labelled message, word for word and finding. */
    @Test
    void bothReadEveryLabelledMessageAlike() {
        for (String code : LANGUAGES) {
            for (LabelledMessage m : LabelledMessage.corpus(CORPUS.get(code))) {
                assertThat(SAVED.get(code).explain(m.text()))
                        .as(code + ": " + m.text())
                        .isEqualTo(WORKED_OUT.get(code).explain(m.text()));
                assertThat(SAVED.get(code).detect(m.text()))
                        .as(code + ": " + m.text())
                        .isEqualTo(WORKED_OUT.get(code).detect(m.text()));
            }
        }
    }

    @Property(tries = 1_500)
    void bothReadAnyMessageAlike(@ForAll("messages") Tuple.Tuple2<String, String> message) {
        String code = message.get1();
        String text = message.get2();
        assertThat(SAVED.get(code).explain(text)).isEqualTo(WORKED_OUT.get(code).explain(text));
        assertThat(SAVED.get(code).detect(text)).isEqualTo(WORKED_OUT.get(code).detect(text));
    }

    @Test
    void otherRulesOrAnotherLanguageAreWorkedOutInstead() {
        RedFlagRules english = RULES.get("en");
        byte[] image = image(english, "en");
        assertThat(ScreenImage.read(image, english, "en")).isPresent();
        assertThat(ScreenImage.read(image, english, "es")).isEmpty();
        List<String> synonyms = new ArrayList<>(english.synonyms());
        synonyms.set(0, synonyms.get(0) + ", wobbly");
        assertThat(
                        ScreenImage.read(
                                image, ChangedRules.with(english, synonyms, english.flags()), "en"))
                .isEmpty();
        var flags = new ArrayList<>(english.flags());
        flags.remove(flags.size() - 1);
        assertThat(
                        ScreenImage.read(
                                image, ChangedRules.with(english, english.synonyms(), flags), "en"))
                .isEmpty();
        assertThat(ScreenImage.read(RULES.get("es"), "xx")).isEmpty();
    }

    @Test
    void aDamagedImageIsWorkedOutInstead() {
        RedFlagRules english = RULES.get("en");
        byte[] image = image(english, "en");
        for (int length : new int[] {0, 1, 8, 100, image.length / 2, image.length - 1}) {
            assertThat(ScreenImage.read(Arrays.copyOf(image, length), english, "en"))
                    .as("first %d bytes", length)
                    .isEmpty();
        }
        for (int at = 0; at < image.length; at += 97) {
            byte[] damaged = image.clone();
            damaged[at] ^= 0x20;
            assertThat(ScreenImage.read(damaged, english, "en")).as("byte %d", at).isEmpty();
        }
    }

    /** Messages in each language: rule words, context words and noise, in any order. */
    @Provide
    Arbitrary<Tuple.Tuple2<String, String>> messages() {
        return Arbitraries.of(LANGUAGES)
                .flatMap(
                        code -> {
                            List<String> words = ruleWords(RULES.get(code));
                            Arbitrary<String> word =
                                    Arbitraries.frequencyOf(
                                            Tuple.of(6, Arbitraries.of(words)),
                                            Tuple.of(
                                                    1,
                                                    Arbitraries.strings()
                                                            .ofMaxLength(12)
                                                            .withCharRange(' ', '\u044f')));
                            return word.list()
                                    .ofMaxSize(14)
                                    .map(w -> Tuple.of(code, String.join(" ", w)));
                        });
    }

    private static List<String> ruleWords(RedFlagRules rules) {
        List<String> words = new ArrayList<>();
        rules.flags()
                .forEach(
                        f -> {
                            f.clear().forEach(p -> words.addAll(List.of(p.split("[\\s|]+"))));
                            f.possible().forEach(p -> words.addAll(List.of(p.split("[\\s|]+"))));
                        });
        rules.synonyms().forEach(l -> words.addAll(List.of(l.split("[\\s,=>]+"))));
        words.addAll(rules.negations());
        words.addAll(rules.hedges());
        words.addAll(rules.others());
        words.addAll(List.of("?", ".", "years ago", "lol", "fine"));
        words.removeIf(String::isBlank);
        return words;
    }

    private static byte[] image(RedFlagRules rules, String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScreenImage.write(ScreenRules.compile(rules, code), rules, code, out);
        return out.toByteArray();
    }

    private static Map<String, RedFlagRules> rules() {
        return Map.of(
                "en", CatalogLoader.readRedFlags("en"),
                "es", CatalogLoader.readRedFlags("es"),
                "ru", CatalogLoader.readRedFlags("ru"));
    }

    private static Map<String, RedFlagDetector> detectors(boolean saved) {
        java.util.HashMap<String, RedFlagDetector> out = new java.util.HashMap<>();
        for (String code : LANGUAGES) {
            RedFlagRules rules = RULES.get(code);
            ScreenRules worked =
                    saved
                            ? ScreenImage.read(rules, code).orElseThrow()
                            : ScreenRules.compile(rules, code);
            out.put(code, new RedFlagDetector(rules, code, worked));
        }
        return Map.copyOf(out);
    }
}
