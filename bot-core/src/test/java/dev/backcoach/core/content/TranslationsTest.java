package dev.backcoach.core.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every translated catalog on the classpath matches English key for key, placeholder for
 * placeholder, and fits every platform's limits; a broken translation is named precisely.
 */
class TranslationsTest {
    static List<String> present() {
        return Languages.KNOWN.stream()
                .filter(code -> CatalogLoader.tree(code).isPresent())
                .toList();
    }

    @ParameterizedTest
    @MethodSource("present")
    void everyPresentCatalogMatchesEnglishAndItsLimits(String code) {
        JsonNode english = CatalogLoader.tree(Languages.ENGLISH).orElseThrow();
        assertThat(
                        CatalogComparison.problems(
                                english, CatalogLoader.tree(code).orElseThrow(), code))
                .isEmpty();
        assertThat(CatalogValidator.problems(CatalogLoader.load(code), code.equals("en")))
                .isEmpty();
    }

    @Test
    void spanishIsSpokenAndUnknownTagsFallBackToEnglish() {
        Catalogs catalogs = Catalogs.load();
        assertThat(catalogs.languages()).startsWith("en", "es");
        assertThat(catalogs.resolve("es-419")).isEqualTo("es");
        assertThat(catalogs.resolve("ES")).isEqualTo("es");
        assertThat(catalogs.resolve("es_MX.UTF-8")).isEqualTo("es");
        assertThat(catalogs.resolve("pt-br")).isEqualTo("en");
        assertThat(catalogs.resolve("")).isEqualTo("en");
        assertThat(catalogs.resolve("Русский")).isEqualTo("en");
        assertThat(catalogs.get("xx").text("language.name")).isEqualTo("English");
    }

    @Test
    void aMissingKeyAnExtraKeyAndAChangedPlaceholderAreEachNamed() {
        JsonNode english = CatalogLoader.tree(Languages.ENGLISH).orElseThrow();
        ObjectNode broken = (ObjectNode) CatalogLoader.tree("es").orElseThrow().deepCopy();
        ObjectNode texts = (ObjectNode) broken.get("texts");
        texts.remove("help");
        texts.set("progress.chart_new", TextNode.valueOf("nuevo"));
        texts.set("progress.saved", TextNode.valueOf("Guardado: {puntos}/10"));
        texts.set("guide.total", TextNode.valueOf("{minutes, plural, one {# min"));
        assertThat(CatalogComparison.problems(english, broken, "es"))
                .anyMatch(p -> p.startsWith("es: missing texts.help (English: \"Here's what"))
                .contains("es: extra texts.progress.chart_new, not in English")
                .contains("es: texts.progress.saved: placeholders [puntos], English has [score]")
                .anyMatch(p -> p.startsWith("es: texts.guide.total: not valid ICU MessageFormat"));
    }

    @Test
    void icuPluralsAndPlatformLimitsAreChecked() {
        assertThat(Placeholders.names("{days, plural, one {# día} other {# días}} y {name}"))
                .containsExactly("days", "name");
        assertThat(Placeholders.syntaxError("{days, plural, one {# día}")).isNotEmpty();
        assertThat(PlatformLimits.maxFor("command.help")).isEqualTo(100);
        assertThat(PlatformLimits.maxFor("bot.short_description")).isEqualTo(120);
        assertThat(PlatformLimits.maxFor("button.next")).isEqualTo(40);
        assertThatThrownBy(() -> Catalogs.of(java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
