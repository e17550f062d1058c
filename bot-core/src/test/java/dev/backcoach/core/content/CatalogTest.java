package dev.backcoach.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final Catalog catalog = Chat.CATALOG;

    @Test
    void theShippedCatalogIsValid() {
        assertThat(CatalogValidator.problems(catalog)).isEmpty();
    }

    @Test
    void itCoversEveryTierTechniqueAndRoutineOfTheBrief() {
        assertThat(catalog.screening()).extracting(ScreeningQuestion::tier).contains(Tier.values());
        assertThat(catalog.techniques()).extracting(Technique::id).contains("effleurage", "thumb_circles",
                "forearm_rolling", "tennis_balls", "foam_roller", "ball_wall", "massager", "heat",
                "hip_flexor_stretch", "spinal_twist", "cat_cow", "knee_to_chest");
        assertThat(catalog.routines()).extracting(Routine::id).containsExactly("morning", "evening");
        assertThat(catalog.lessons()).isNotEmpty();
        assertThat(catalog.faq()).isNotEmpty();
        assertThat(catalog.techniques()).allSatisfy(t -> assertThat(t.cautions()).isNotEmpty());
    }

    @Test
    void theBriefsNumbersCarryOver() {
        assertThat(stepsOf("effleurage")).contains("6–8");
        assertThat(stepsOf("thumb_circles")).containsAnyOf("3-second", "3 seconds").containsAnyOf("5–10", "5-10");
        assertThat(stepsOf("foam_roller")).containsAnyOf("2–3 min", "2-3 min");
        assertThat(stepsOf("massager")).contains("60").containsAnyOf("5–10", "5-10");
        assertThat(stepsOf("heat")).containsAnyOf("10–15", "10-15");
        assertThat(stepsOf("hip_flexor_stretch")).contains("60");
    }

    @Test
    void theRequiredTextListMatchesTheKeysTheCodeUses() throws IOException {
        Set<String> used = new TreeSet<>();
        // Any string literal that names a catalog text: the code asks for those, directly or through a variable.
        Pattern literal = Pattern.compile("\"([a-z_]+(?:\\.[a-z_]+)?)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && !f.endsWith("RequiredTexts.java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    if (catalog.texts().containsKey(m.group(1))) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(RequiredTexts.KEYS).containsAll(used);
        assertThat(catalog.texts().keySet()).containsAll(RequiredTexts.KEYS);
    }

    @Test
    void theValidatorCatchesDefects() {
        Technique t = catalog.techniques().get(0);
        Technique noCautions = new Technique(t.id(), t.title(), t.group(), t.requires(), t.summary(), List.of(),
                t.steps());
        Technique branded = new Technique("tennis_balls", "Buy a MedMassager now", t.group(), t.requires(),
                t.summary(), t.cautions(), t.steps());
        List<Technique> techniques = new ArrayList<>(catalog.techniques());
        techniques.set(0, noCautions);
        techniques.add(branded);
        List<dev.backcoach.core.content.CheckGroup> reversed = new ArrayList<>(catalog.checkGroups());
        java.util.Collections.reverse(reversed);
        Map<String, String> texts = new java.util.HashMap<>(catalog.texts());
        texts.remove("outcome.emergency");
        texts.put("help", "x".repeat(CatalogValidator.MAX_TEXT + 1));
        Catalog broken = new Catalog(texts, catalog.screening(), reversed, catalog.plan(), techniques, catalog.routines(),
                catalog.lessons(), catalog.faq(), catalog.nudges(), catalog.redflags());

        String problems = String.join("\n", CatalogValidator.problems(broken)).toLowerCase(Locale.ROOT);
        assertThat(problems).contains("has no cautions", "medmassager", "used twice", "less urgent tier",
                "outcome.emergency is missing", "text help has 1501 characters");
    }

    private String stepsOf(String id) {
        return String.join(" ", catalog.technique(id).orElseThrow().steps().stream().map(Step::text).toList());
    }
}
