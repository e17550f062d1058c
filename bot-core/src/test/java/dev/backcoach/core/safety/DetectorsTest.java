package dev.backcoach.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.content.RedFlagRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Start-up builds the English detector from the warning-sign rules alone, before the catalog is
 * read; the engine must then get that same detector, and a changed rule set never an old one.
 */
class DetectorsTest {
    @Test
    void theRulesReadAloneAreTheCatalogsOwnSoTheEngineGetsTheDetectorBuiltAtStart() {
        for (String code : List.of("en", "es", "ru")) {
            RedFlagRules early = CatalogLoader.readRedFlags(code);
            RedFlagRules inCatalog = Catalogs.load().get(code).redflags();
            assertThat(early).as(code).isEqualTo(inCatalog);
            assertThat(Detectors.forRules(early, code))
                    .as(code)
                    .isSameAs(Detectors.forRules(inCatalog, code));
        }
    }

    @Test
    void otherRulesOrAnotherLanguageGetADetectorOfTheirOwn() {
        RedFlagRules english = CatalogLoader.readRedFlags("en");
        List<String> fewerSynonyms = new ArrayList<>(english.synonyms());
        fewerSynonyms.remove(0);
        RedFlagRules changed = ChangedRules.with(english, fewerSynonyms, english.flags());
        // Same synonyms, one sign fewer: a cache key that looked at part of the rules would mix
        // them up.
        RedFlagRules oneSignFewer =
                ChangedRules.with(
                        english,
                        english.synonyms(),
                        english.flags().subList(1, english.flags().size()));
        RedFlagDetector built = Detectors.forRules(english, "en");
        assertThat(Detectors.forRules(changed, "en")).isNotSameAs(built);
        assertThat(Detectors.forRules(oneSignFewer, "en")).isNotSameAs(built);
        assertThat(Detectors.forRules(english, "es")).isNotSameAs(built);
        assertThat(Detectors.forRules(english, "en").detect("I can't feel my legs"))
                .isInstanceOf(Finding.Clear.class);
    }
}
