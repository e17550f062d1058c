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
        assertThat(catalog.techniques())
                .extracting(Technique::id)
                .contains(
                        "effleurage",
                        "thumb_circles",
                        "forearm_rolling",
                        "tennis_balls",
                        "foam_roller",
                        "ball_wall",
                        "massager",
                        "heat",
                        "hip_flexor_stretch",
                        "spinal_twist",
                        "cat_cow",
                        "knee_to_chest");
        assertThat(catalog.routines())
                .extracting(Routine::id)
                .containsExactly("morning", "evening");
        assertThat(catalog.lessons()).isNotEmpty();
        assertThat(catalog.faq()).isNotEmpty();
        assertThat(catalog.techniques()).allSatisfy(t -> assertThat(t.cautions()).isNotEmpty());
    }

    @Test
    void theBriefsNumbersCarryOver() {
        assertThat(stepsOf("effleurage")).contains("6–8");
        assertThat(stepsOf("thumb_circles"))
                .containsAnyOf("3-second", "3 seconds")
                .containsAnyOf("5–10", "5-10");
        assertThat(stepsOf("foam_roller")).containsAnyOf("2–3 min", "2-3 min");
        assertThat(stepsOf("massager")).contains("60").containsAnyOf("5–10", "5-10");
        assertThat(stepsOf("heat")).containsAnyOf("10–15", "10-15");
        assertThat(stepsOf("hip_flexor_stretch")).contains("60");
    }

    @Test
    void theRequiredTextListMatchesTheKeysTheCodeUses() throws IOException {
        Set<String> used = new TreeSet<>();
        // Any string literal that names a catalog text: the code asks for those, directly or
        // through a variable.
        Pattern literal = Pattern.compile("\"([a-z_]+(?:\\.[a-z_]+)?)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file :
                    files.filter(
                                    f ->
                                            f.toString().endsWith(".java")
                                                    && !f.endsWith("RequiredTexts.java"))
                            .toList()) {
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
        Technique noCautions =
                new Technique(
                        t.id(),
                        t.title(),
                        t.group(),
                        t.requires(),
                        t.summary(),
                        List.of(),
                        t.steps(),
                        t.names());
        Technique branded =
                new Technique(
                        "tennis_balls",
                        "Buy a MedMassager now",
                        t.group(),
                        t.requires(),
                        t.summary(),
                        t.cautions(),
                        t.steps(),
                        t.names());
        List<Technique> techniques = new ArrayList<>(catalog.techniques());
        techniques.set(0, noCautions);
        techniques.add(branded);
        List<dev.backcoach.core.content.CheckGroup> reversed =
                new ArrayList<>(catalog.checkGroups());
        java.util.Collections.reverse(reversed);
        Map<String, String> texts = new java.util.HashMap<>(catalog.texts());
        texts.remove("outcome.emergency");
        texts.put("help", "x".repeat(CatalogValidator.MAX_TEXT + 1));
        Catalog broken =
                new Catalog(
                        texts,
                        catalog.screening(),
                        reversed,
                        catalog.plan(),
                        techniques,
                        catalog.routines(),
                        catalog.lessons(),
                        catalog.faq(),
                        catalog.nudges(),
                        catalog.redflags(),
                        catalog.smalltalk());

        String problems =
                String.join("\n", CatalogValidator.problems(broken)).toLowerCase(Locale.ROOT);
        assertThat(problems)
                .contains(
                        "has no cautions",
                        "medmassager",
                        "used twice",
                        "less urgent tier",
                        "outcome.emergency is missing",
                        "text help has 1501 characters");
    }

    @Test
    void theValidatorRejectsTimesThatContradictTheTimersAndUnsafeGuidance() {
        Technique roller = catalog.technique("foam_roller").orElseThrow();
        List<Step> steps = new ArrayList<>(roller.steps());
        steps.set(1, new Step("Roll slowly for about 7 minutes.", 30, null, List.of()));
        steps.add(new Step("Now the other side.", null, "each side", List.of()));
        Technique contradicting =
                new Technique(
                        roller.id(),
                        roller.title(),
                        roller.group(),
                        roller.requires(),
                        roller.summary(),
                        List.of("Go gently.", roller.cautions().get(2)),
                        steps,
                        roller.names());
        Technique effleurage = catalog.technique("effleurage").orElseThrow();
        Technique toTheHelper =
                new Technique(
                        effleurage.id(),
                        effleurage.title(),
                        "partner",
                        effleurage.requires(),
                        effleurage.summary(),
                        List.of("Stop if your partner feels anything sharp."),
                        effleurage.steps(),
                        effleurage.names());
        List<Technique> techniques = new ArrayList<>(catalog.techniques());
        techniques.replaceAll(
                t ->
                        t.id().equals("foam_roller")
                                ? contradicting
                                : t.id().equals("effleurage") ? toTheHelper : t);
        Routine morning = catalog.routine("morning").orElseThrow();
        Routine timed =
                new Routine(
                        "morning",
                        morning.title(),
                        "About 5 minutes to loosen up.",
                        List.of(
                                new Step(
                                        "Roll on the floor.",
                                        420,
                                        null,
                                        List.of("foam_roller", "tennis_balls")),
                                morning.steps().get(2)));
        Catalog broken =
                new Catalog(
                        catalog.texts(),
                        catalog.screening(),
                        catalog.checkGroups(),
                        catalog.plan(),
                        techniques,
                        List.of(timed, catalog.routine("evening").orElseThrow()),
                        catalog.lessons(),
                        catalog.faq(),
                        catalog.nudges(),
                        catalog.redflags(),
                        catalog.smalltalk());

        String problems = String.join("\n", CatalogValidator.problems(broken));
        assertThat(problems)
                .contains(
                        "technique foam_roller step says [420 s] but its timer is 30 s",
                        "technique foam_roller step \"each side\" has no time",
                        "technique foam_roller says 120–180 s in \"2–3 minutes in all is plenty",
                        "technique foam_roller: the first caution must be the stop rule",
                        "technique foam_roller: a hands-on technique needs the caution about broken skin",
                        "technique effleurage: partner techniques speak to the person receiving",
                        "routine morning intro writes a time",
                        "routine morning: a part takes its time from its technique",
                        "routine morning: part \"Roll on the floor.\" has no standing or seated option");
    }

    private String stepsOf(String id) {
        return String.join(
                " ", catalog.technique(id).orElseThrow().steps().stream().map(Step::text).toList());
    }
}
