package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.Equipment;
import dev.backcoach.core.content.Routine;
import dev.backcoach.core.content.Step;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.model.Dialogue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Routines built from the plan, followed step by step, with times that agree with the techniques.
 */
class RoutinesTest {

    static Stream<Routine> everyRoutine() {
        return Chat.CATALOG.routines().stream();
    }

    private static Technique technique(String id) {
        return Chat.CATALOG.technique(id).orElseThrow();
    }

    /** "⏱ About 5 min in all", as every total is written. */
    private static String total(Chat chat, int seconds) {
        return chat.catalogText("guide.total")
                .replace("{minutes}", String.valueOf(Math.max(1, Math.round(seconds / 60f))));
    }

    /** Plays the routine from its introduction to "done", collecting every message on the way. */
    private static List<String> follow(Chat chat, Routine routine) {
        List<String> seen = new ArrayList<>();
        chat.send("/routine " + routine.id());
        seen.add(chat.text());
        while (chat.session().dialogue() instanceof Dialogue.Guiding) {
            chat.press("Next");
            seen.add(chat.text());
        }
        return seen;
    }

    @ParameterizedTest
    @MethodSource("everyRoutine")
    void withoutEquipmentOrFloorEveryPartIsAStandingOrSeatedTechniqueFollowedStepByStep(
            Routine routine) {
        Chat chat = new Chat().selfCare(false);
        List<String> seen = follow(chat, routine);
        String intro = seen.get(0);
        assertThat(intro)
                .startsWith(chat.catalogText("safety.emergency_signs"))
                .contains(routine.intro());
        List<String> chosen = new ArrayList<>();
        for (Step part : routine.steps()) {
            Technique t =
                    part.options().stream()
                            .map(RoutinesTest::technique)
                            .filter(x -> x.requires().isEmpty())
                            .findFirst()
                            .orElseThrow();
            chosen.add(t.id());
            assertThat(intro).contains(t.title() + " · " + total(chat, t.totalSeconds()));
            // The part's first step shows its stop rule, then every step of the technique follows.
            assertThat(String.join("\n", seen)).contains(part.text(), t.cautions().get(0));
            t.steps().forEach(step -> assertThat(String.join("\n", seen)).contains(step.text()));
        }
        assertThat(chosen).doesNotHaveDuplicates();
        assertThat(String.join("\n", seen)).doesNotContain("floor isn't an option");
        assertThat(seen.get(seen.size() - 1))
                .contains(
                        chat.catalogText("guide.done_routine").replace("{title}", routine.title()));
        int steps = chosen.stream().mapToInt(id -> technique(id).steps().size()).sum();
        assertThat(seen).hasSize(steps + 2);
    }

    @Test
    void aFloorUserGetsFloorTechniquesAndNeverTheStandingAlternatives() {
        Chat chat = new Chat().selfCareWith(Equipment.FLOOR);
        String all = String.join("\n", follow(chat, Chat.CATALOG.routine("evening").orElseThrow()));
        assertThat(all)
                .contains(
                        technique("hip_flexor_stretch").title(), technique("spinal_twist").title())
                .doesNotContain(
                        technique("standing_hip_flexor").title(),
                        technique("seated_twist").title());
    }

    @Test
    void aUserWithoutTheFloorNeverGetsKneelingOrLyingStretches() {
        Chat chat = new Chat().selfCareWith(Equipment.PARTNER, Equipment.FOAM_ROLLER);
        String all =
                String.join("\n", follow(chat, Chat.CATALOG.routine("evening").orElseThrow()))
                        + String.join(
                                "\n", follow(chat, Chat.CATALOG.routine("morning").orElseThrow()));
        assertThat(all)
                .doesNotContain("Kneel on", "Lie on your back", "Sit on the floor")
                .contains(
                        technique("standing_hip_flexor").title(),
                        technique("seated_twist").title(),
                        technique("thumb_circles").title());
    }

    @Test
    void eachPartsTimeIsItsTechniquesTimeNeverANumberOfItsOwn() {
        Chat chat = new Chat().selfCare(true).send("/routine evening");
        Technique massager = technique("massager");
        assertThat(chat.text())
                .contains(massager.title() + " · " + total(chat, massager.totalSeconds()));
        int total =
                massager.totalSeconds()
                        + technique("hip_flexor_stretch").totalSeconds()
                        + technique("spinal_twist").totalSeconds();
        assertThat(chat.text()).endsWith(total(chat, total));
        chat.press("Next");
        assertThat(chat.text())
                .contains("part 1 of 3", massager.cautions().get(2), "⏱ About 5 min in all");
    }

    @Test
    void stoppingMidRoutineResumesAtTheSameStep() {
        Chat chat =
                new Chat()
                        .selfCare(false)
                        .send("/routine morning")
                        .press("Next")
                        .press("Next")
                        .press("Stop");
        chat.press("Resume");
        assertThat(chat.text()).contains(technique("seated_cat_cow").steps().get(1).text());
    }

    @Test
    void theReadyPlanShowsTheRoutineButtonsItMentions() {
        Chat chat = new Chat().selfCare(false);
        assertThat(chat.text()).contains(chat.catalogText("plan.done"));
        assertThat(chat.hasButton(chat.catalogText("button.morning"))).isTrue();
        chat.press(chat.catalogText("button.evening"));
        assertThat(chat.text()).contains(Chat.CATALOG.routine("evening").orElseThrow().intro());
    }

    @Test
    void noEquipmentAndNoFloorStillOffersStandingAndSeatedTechniques() {
        Chat chat = new Chat().selfCare(false);
        assertThat(chat.labels())
                .contains(
                        technique("hand_strokes").title(),
                        technique("seated_cat_cow").title(),
                        technique("hip_circles").title(),
                        technique("standing_hip_flexor").title(),
                        technique("seated_twist").title(),
                        technique("seated_knee_hug").title())
                .doesNotContain(technique("cat_cow").title(), technique("tennis_balls").title());
    }

    /**
     * In a check just started: No until the first clear-first question, Yes to it, then "cleared".
     */
    /**
     * No to every list of the check but the last (clear-first signs only), Yes to its first sign,
     * then cleared.
     */
    private static void clearedByAClinician(Chat chat) {
        for (int g = 0; g < Chat.CATALOG.checkGroups().size() - 1; g++) {
            chat.press(chat.catalogText("button.check_no"));
        }
        chat.press(chat.catalogText("button.check_yes"))
                .press("Yes")
                .press(chat.catalogText("button.cleared"));
    }

    @Test
    void clearedByAClinicianKeepsThePlanMadeBefore() {
        Chat chat = new Chat().selfCareWith(Equipment.FOAM_ROLLER, Equipment.FLOOR);
        int plan = chat.session().equipment();
        // A new condition comes up at the next check: clear first.
        chat.send("/check");
        clearedByAClinician(chat);
        assertThat(chat.text()).contains(chat.catalogText("clear_first.cleared_kept"));
        assertThat(chat.session().equipment()).isEqualTo(plan);
        assertThat(chat.hasButton(technique("foam_roller").title())).isTrue();
    }

    @Test
    void aFirstClearanceStillBuildsAPlan() {
        Chat chat = new Chat().onboarded().send("/check");
        clearedByAClinician(chat);
        assertThat(chat.text()).contains(chat.catalogText("clear_first.cleared"));
        assertThat(chat.session().dialogue())
                .isInstanceOf(dev.backcoach.core.model.Dialogue.Planning.class);
        chat.plan();
        assertThat(chat.text()).contains(chat.catalogText("plan.done"));
        chat.send("/check");
        clearedByAClinician(chat);
        assertThat(chat.text())
                .as("an empty plan is still a plan")
                .contains(chat.catalogText("clear_first.cleared_kept"));
    }
}
