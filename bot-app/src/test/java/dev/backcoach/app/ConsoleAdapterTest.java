package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Routine;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.EffectHandler;
import dev.backcoach.core.service.InMemoryStateStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A script pipes answers into the console chat, the way a person would type them. */
class ConsoleAdapterTest {
    private static final Catalog CATALOG = CatalogLoader.load("en");

    @TempDir Path folder;

    private String chat(List<String> lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConversationService service =
                new ConversationService(
                        CATALOG,
                        new InMemoryStateStore(),
                        Clock.systemUTC(),
                        EffectHandler.NONE,
                        CacheSettings.DEFAULT);
        new ConsoleAdapter(
                        new ByteArrayInputStream(
                                String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8),
                        service,
                        folder)
                .run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anExportShowsASummaryAndSavesTheFullFile() throws Exception {
        List<String> lines = toSelfCarePlan();
        lines.addAll(List.of("/progress", "Use UTC", "6", "/export"));
        String out = chat(lines);
        Path file = folder.resolve("backcoach-data.json");
        assertThat(out)
                .contains("Here is what I keep about you:", "📎 " + file.toAbsolutePath())
                .doesNotContain("\"user_session\"");
        assertThat(Files.readString(file)).contains("\"user_id\"", "\"data\"");
    }

    @Test
    void aKnownUserIsOfferedToCarryOnOrStartOver() throws Exception {
        List<String> lines = toSelfCarePlan();
        lines.addAll(List.of("/start", "Start over"));
        String out = chat(lines);
        assertThat(out).contains(CATALOG.text("start.welcome_back"), CATALOG.text("check.intro"));
    }

    private static List<String> toSelfCarePlan() {
        List<String> lines = new ArrayList<>(List.of("1", "1")); // adult, consent: the check starts
        CATALOG.checkGroups().forEach(g -> lines.add("2")); // No to every group
        CATALOG.plan().forEach(item -> lines.add(item.label())); // everything at hand
        lines.add("Done");
        return lines;
    }

    @Test
    void numbersLabelsAndCommandsReachTheLastStepOfATechnique() throws Exception {
        Technique roller = CATALOG.technique("foam_roller").orElseThrow();
        List<String> lines = toSelfCarePlan();
        lines.add("/techniques foam roller");
        for (int i = 0; i <= roller.steps().size(); i++) {
            lines.add(i % 2 == 0 ? "Next" : "next");
        }
        String out = chat(lines);

        assertThat(out).contains("[1] Yes, one or more  [2] No, none of these");
        assertThat(out)
                .contains(
                        CATALOG.checkGroups().get(CATALOG.checkGroups().size() - 1).lines().get(0));
        assertThat(out).contains(roller.steps().get(roller.steps().size() - 1).text());
        assertThat(out)
                .contains(CATALOG.text("guide.done_technique").replace("{title}", roller.title()));
    }

    @Test
    void theMorningRoutineIsFollowedStepByStepFromThePlanReadyMenu() throws Exception {
        List<String> lines = toSelfCarePlan();
        lines.add("Morning routine");
        Routine morning = CATALOG.routine("morning").orElseThrow();
        List<Technique> parts =
                morning.steps().stream()
                        .map(part -> CATALOG.technique(part.options().get(0)).orElseThrow())
                        .toList();
        parts.forEach(t -> t.steps().forEach(step -> lines.add("next")));
        lines.add("next");
        String out = chat(lines);

        assertThat(out).contains(CATALOG.text("safety.emergency_signs"), morning.intro());
        for (Technique t : parts) {
            assertThat(out)
                    .contains(t.cautions().get(0), t.steps().get(t.steps().size() - 1).text());
        }
        assertThat(out)
                .contains(CATALOG.text("guide.done_routine").replace("{title}", morning.title()));
    }

    @Test
    void techniquesAreFoundByPartOfTheirNameAndThePlanDecides() throws Exception {
        List<String> lines = toSelfCarePlan();
        lines.removeIf(
                line ->
                        CATALOG.plan().stream()
                                .anyMatch(item -> item.label().equals(line))); // nothing at hand
        lines.add("/techniques twist");
        lines.add("/techniques roller");
        String out = chat(lines);
        Technique seated = CATALOG.technique("seated_twist").orElseThrow();
        assertThat(out).contains(seated.title() + "\n" + seated.summary());
        assertThat(out)
                .contains(
                        CATALOG.text("techniques.not_in_plan")
                                .replace(
                                        "{title}",
                                        CATALOG.technique("foam_roller").orElseThrow().title())
                                .replace(
                                        "{needs}",
                                        CATALOG.text("equipment.foam_roller")
                                                + " and "
                                                + CATALOG.text("equipment.floor")));
    }

    @Test
    void aBareHourAtTheReminderTimeIsAskedAboutNotTakenAsAButton() throws Exception {
        List<String> lines = toSelfCarePlan();
        lines.addAll(List.of("/nudge", "3", "3 pm", "Europe/Berlin", "Done"));
        String out = chat(lines);
        assertThat(out)
                .contains(
                        "[18:00]  [19:00]  [20:00]",
                        "Did you mean 3 pm or 3 am?",
                        "I'll remind you at 15:00 (Europe/Berlin), Every day");
    }

    @Test
    void aNumberThatIsNoOptionGetsAKindAnswerAndTheQuestionAgain() throws Exception {
        String out = chat(List.of("7", "", "hello?"));
        assertThat(out).contains(CATALOG.text("input.unclear"), CATALOG.text("input.empty"));
        // asked once after the greeting, then again after each of the three inputs
        assertThat(out.split(CATALOG.text("start.ask_adult"), -1)).hasSize(5);
    }

    @Test
    void ratingsAreTypedAsTheirOwnNumbers() throws Exception {
        List<String> lines = toSelfCarePlan();
        lines.add("/progress");
        lines.add("Berlin"); // asked once: which time zone
        lines.add("6");
        lines.add("/progress");
        lines.add("4");
        String out = chat(lines);
        assertThat(out).contains("[0]  [1]  [2]  [3]");
        assertThat(out).contains(CATALOG.text("progress.saved").replace("{score}", "6"));
        assertThat(out)
                .contains(CATALOG.text("progress.zone_saved").replace("{zone}", "Europe/Berlin"));
        assertThat(out).contains("I've replaced today's 6 with 4");
    }

    @Test
    void typedWarningSignsAreReadInTheTerminalToo() throws Exception {
        List<String> lines = toSelfCarePlan();
        lines.add("/techniques foam roller");
        lines.add("Next");
        lines.add("I fell off a ladder this morning");
        String out = chat(lines);

        assertThat(out)
                .contains(
                        CATALOG.text("outcome.emergency"),
                        CATALOG.text("route.because")
                                .replace(
                                        "{about}",
                                        CATALOG.flag("serious_accident").orElseThrow().about()));
    }

    @Test
    void theTerminalNeverAsksToTap() throws Exception {
        List<String> lines = toSelfCarePlan();
        lines.addAll(
                List.of(
                        "blorp",
                        "",
                        "/nudge",
                        "zz",
                        "/progress",
                        "??",
                        "/techniques foam roller",
                        "hmm",
                        "/help"));
        String out = chat(lines);
        assertThat(out).doesNotContainPattern("(?i)\\btap(s|ped)?\\b");
    }
}
