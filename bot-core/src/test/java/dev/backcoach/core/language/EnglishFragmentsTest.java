package dev.backcoach.core.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcoach.core.content.CatalogLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The English-fragment check can fail: English it was never shown (a sentence written here, a
 * button label, a note from code) is flagged, while every text of the language's own catalog, a
 * command, a time zone and the language's dates pass.
 */
class EnglishFragmentsTest {
    @ParameterizedTest
    @ValueSource(strings = {"es", "ru"})
    void anEnglishSentenceAndAnEnglishLabelAreFlagged(String code) {
        EnglishFragments english = new EnglishFragments(code);
        assertThat(english.in("Your chart could not be drawn this time, sorry."))
                .contains("your", "could", "drawn");
        assertThat(english.in("Next")).containsExactly("next");
        assertThat(english.in("Saved")).isNotEmpty();
        assertThat(english.isEnglish("stiffness")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "ru"})
    void everyTextOfTheOwnCatalogPasses(String code) {
        EnglishFragments english = new EnglishFragments(code);
        List<String> texts = new ArrayList<>();
        collect(CatalogLoader.tree(code).orElseThrow(), texts);
        assertThat(texts).hasSizeGreaterThan(300);
        for (String text : texts) {
            assertThat(english.in(text)).as(text).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "ru"})
    void commandsZonesNumbersAndTheLanguagesOwnDatesAreNotEnglish(String code) {
        EnglishFragments english = new EnglishFragments(code);
        assertThat(english.in("/progress /export 20:30 (Europe/London) 6/10 backcoach-data.json"))
                .isEmpty();
        assertThat(english.in(code.equals("es") ? "lun 2 mar · vie 1 may" : "пн 2 мар. · дек"))
                .isEmpty();
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
    }
}
