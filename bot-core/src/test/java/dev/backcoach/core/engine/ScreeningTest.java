package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.CheckGroup;
import dev.backcoach.core.content.ScreeningQuestion;
import dev.backcoach.core.content.Tier;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Route;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The safety check by groups, played as a user would: every warning sign, every group and tier. */
class ScreeningTest {
    static final String YES_LIST = Chat.CATALOG.text("button.check_yes");
    static final String NO_LIST = Chat.CATALOG.text("button.check_no");

    static Stream<String> everyWarningSign() {
        return Chat.CATALOG.screening().stream().map(ScreeningQuestion::id);
    }

    /**
     * No to the groups before, Yes to its group, No to the items before it, then Yes: its tier
     * decides.
     */
    @ParameterizedTest
    @MethodSource("everyWarningSign")
    void everyWarningSignDecidesItsTierAndIsNamedAsTheReason(String id) {
        ScreeningQuestion sign = Chat.CATALOG.flag(id).orElseThrow();
        Chat chat = new Chat().onboarded().send("/check");
        assertThat(chat.text()).contains(chat.catalogText("check.intro"));
        reachAndConfirm(chat, id);

        assertThat(chat.session().routeReason()).isEqualTo(id);
        String because = chat.catalogText("route.because").replace("{about}", sign.about());
        assertThat(chat.text()).startsWith(because);
        if (sign.tier() == Tier.EMERGENCY) {
            assertThat(chat.session().route()).isEqualTo(Route.EMERGENCY);
            assertThat(chat.text())
                    .contains(
                            chat.catalogText("outcome.emergency"),
                            "999",
                            "911",
                            "112",
                            "don't drive yourself");
            assertThat(chat.buttons()).as("emergency offers nothing else").isEmpty();
            chat.send("/techniques");
            assertThat(chat.text())
                    .isEqualTo(because + "\n" + chat.catalogText("outcome.emergency_locked"));
            assertThat(chat.buttons()).isEmpty();
            chat.send("/routine evening");
            assertThat(chat.text()).contains(chat.catalogText("outcome.emergency_locked"));
        } else if (sign.tier() == Tier.SEE_CLINICIAN) {
            assertThat(chat.session().route()).isEqualTo(Route.SEE_CLINICIAN);
            assertThat(chat.text())
                    .contains(
                            chat.catalogText("outcome.see_clinician"),
                            "next day or two",
                            chat.catalogText("safety.emergency_signs"));
            assertThat(chat.hasButton(chat.catalogText("button.techniques"))).isFalse();
            chat.send("/techniques");
            assertThat(chat.text())
                    .contains(because + "\n" + chat.catalogText("techniques.locked_clinician"));
            assertThat(chat.session().dialogue()).isEqualTo(Dialogue.IDLE);
            chat.press(chat.catalogText("button.learn"));
            assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.ChoosingLesson.class);
        } else {
            assertThat(chat.session().route()).isEqualTo(Route.CLEAR_FIRST);
            assertThat(chat.text())
                    .contains(
                            chat.catalogText("outcome.clear_first"),
                            chat.catalogText("clear_first.ask"));
        }
    }

    @Test
    void eachGroupIsOneShortListAndTheGroupsRunMostUrgentFirst() {
        Chat chat = new Chat().onboarded().send("/check");
        for (int g = 0; g < Chat.CATALOG.checkGroups().size(); g++) {
            CheckGroup group = Chat.CATALOG.checkGroups().get(g);
            assertThat(chat.text())
                    .contains("Do you have any of these right now", "(" + (g + 1) + "/");
            group.lines().forEach(line -> assertThat(chat.text()).contains("• " + line));
            assertThat(group.lines()).hasSizeLessThanOrEqualTo(5);
            assertThat(chat.labels()).containsExactly(YES_LIST, NO_LIST);
            chat.press(NO_LIST);
        }
        assertThat(Chat.CATALOG.checkGroups().get(0).items())
                .allSatisfy(
                        id ->
                                assertThat(Chat.CATALOG.flag(id).orElseThrow().tier())
                                        .isEqualTo(Tier.EMERGENCY));
        assertThat(chat.session().route()).isEqualTo(Route.SELF_CARE);
    }

    /**
     * Yes to a list, then No to each of its items: the most urgent tier on that list, never
     * self-care.
     */
    @ParameterizedTest
    @MethodSource("everyGroup")
    void aListConfirmedButNoItemFoundGoesByTheMostUrgentSignOnIt(int g) {
        CheckGroup group = Chat.CATALOG.checkGroups().get(g);
        Chat chat = new Chat().onboarded().send("/check");
        for (int i = 0; i < g; i++) {
            chat.press(NO_LIST);
        }
        chat.press(YES_LIST);
        for (String id : group.items()) {
            assertThat(chat.text()).contains(Chat.CATALOG.flag(id).orElseThrow().text());
            chat.press("No");
        }
        assertThat(chat.text()).startsWith(chat.catalogText("check.none_found"));
        Tier mostUrgent = Chat.CATALOG.flag(group.items().get(0)).orElseThrow().tier();
        Route expected =
                switch (mostUrgent) {
                    case EMERGENCY -> Route.EMERGENCY;
                    case SEE_CLINICIAN -> Route.SEE_CLINICIAN;
                    case CLEAR_FIRST -> Route.CLEAR_FIRST;
                };
        assertThat(chat.session().route()).isEqualTo(expected);
        assertThat(chat.session().routeReason()).isNull();
    }

    static Stream<Integer> everyGroup() {
        return Stream.iterate(0, g -> g < Chat.CATALOG.checkGroups().size(), g -> g + 1);
    }

    @Test
    void clearFirstUnlocksTechniquesOnlyAfterTheClinicianCleared() {
        Chat chat = new Chat().onboarded().send("/check");
        reachAndConfirm(chat, "pregnancy");
        chat.press("No");
        assertThat(chat.text()).contains(chat.catalogText("clear_first.not_yet"));
        chat.send("/techniques");
        assertThat(chat.text())
                .contains(
                        chat.catalogText("route.because").replace("{about}", "pregnancy"),
                        chat.catalogText("techniques.locked_clear_first"));

        chat.press("Yes");
        assertThat(chat.session().route()).isEqualTo(Route.CLEARED);
        assertThat(chat.text()).contains(chat.catalogText("clear_first.cleared"), "Ticked:");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.Planning.class);
    }

    @Test
    void noWarningSignLeadsToTheEmergencySignsAndOneScreenOfEquipment() {
        Chat chat = new Chat().onboarded().send("/check").noToEveryGroup();
        assertThat(chat.session().route()).isEqualTo(Route.SELF_CARE);
        assertThat(chat.session().routeReason()).isNull();
        assertThat(chat.text())
                .contains(
                        chat.catalogText("outcome.self_care"),
                        chat.catalogText("safety.emergency_signs"),
                        "Ticked: nothing yet");
        assertThat(chat.labels()).hasSize(Chat.CATALOG.plan().size() + 1);

        chat.press("Tennis balls").press("I can get to the floor");
        assertThat(chat.labels())
                .contains("✅ Tennis balls and a sock", "✅ I can get to the floor", "Foam roller");
        assertThat(chat.text()).endsWith("Ticked: Tennis balls and a sock, I can get to the floor");
        chat.press("Foam roller").press("✅ Foam roller"); // ticked and unticked again
        assertThat(chat.labels()).contains("Foam roller");
        chat.press(chat.catalogText("button.plan_done"));
        assertThat(chat.text()).contains(chat.catalogText("plan.done"));
        assertThat(chat.labels())
                .contains("Tennis balls in a sock")
                .doesNotContain("Foam roller", "Ball against a wall");
    }

    @Test
    void redoingThePlanStartsFromTheCurrentOne() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("/settings")
                        .press(Chat.CATALOG.text("button.redo_plan"));
        assertThat(chat.labels()).contains("✅ Foam roller", "✅ Massager");
        chat.press("✅ Foam roller").press(chat.catalogText("button.plan_done"));
        assertThat(chat.labels()).doesNotContain("Foam roller");
    }

    @Test
    void afterARedFlagACheckAnsweredNoThroughoutAsksWhetherTheSignHasGone() {
        Chat chat = new Chat().onboarded().send("/check");
        reachAndConfirm(chat, "both_legs");
        assertThat(chat.session().route()).isEqualTo(Route.EMERGENCY);

        chat.send("/check").noToEveryGroup();
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.SignGone());
        assertThat(chat.text())
                .contains(
                        "Earlier you told me about pain, numbness or weakness in both legs.",
                        "If you're not sure, please check with a clinician");
        chat.press(chat.catalogText("button.sign_not_gone"));
        assertThat(chat.text()).contains(chat.catalogText("check.sign_not_gone"));
        assertThat(chat.session().route()).isEqualTo(Route.EMERGENCY);
        chat.send("/techniques");
        assertThat(chat.text()).contains(chat.catalogText("outcome.emergency_locked"));

        chat.send("/check").noToEveryGroup().press(chat.catalogText("button.sign_gone"));
        assertThat(chat.session().route()).isEqualTo(Route.SELF_CARE);
        assertThat(chat.session().routeReason()).isNull();
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.Planning.class);
    }

    @Test
    void aRouteDecidedWithoutANamedSignIsAskedAboutInGeneralWords() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("/techniques tennis_balls")
                        .press("Next")
                        .press("It hurts")
                        .press("Yes");
        assertThat(chat.session().route()).isEqualTo(Route.SEE_CLINICIAN);
        chat.send("/check").noToEveryGroup();
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.SignGone());
        assertThat(chat.text()).contains(chat.catalogText("check.earlier_sign"));
    }

    @Test
    void sayingSymptomsChangedInSettingsKeepsARedFlagRouteUntilTheSignHasGone() {
        Chat chat = new Chat().onboarded().send("/check");
        reachAndConfirm(chat, "night_pain");
        chat.send("/settings").press(Chat.CATALOG.text("button.symptoms_changed"));
        assertThat(chat.session().route()).isEqualTo(Route.SEE_CLINICIAN);
        chat.noToEveryGroup();
        assertThat(chat.text()).contains("pain that's much worse at night");
        assertThat(chat.session().route()).isEqualTo(Route.SEE_CLINICIAN);
    }

    @Test
    void newSymptomsAtTheWeeklyCheckInResetTheRouteUntilANewCheck() {
        Chat chat =
                new Chat().selfCare(true).later(java.time.Duration.ofDays(8)).send("/techniques");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.SymptomCheckIn.class);
        chat.press("Yes");
        assertThat(chat.session().route()).isEqualTo(Route.UNSCREENED);
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.Screening(0));
        chat.press(NO_LIST).send("/techniques");
        assertThat(chat.text()).contains(chat.catalogText("techniques.need_check"));
        assertThat(chat.session().dialogue()).isEqualTo(Dialogue.IDLE);
    }

    @Test
    void helpListsTheEmergencySigns() {
        Chat chat = new Chat().send("/help");
        assertThat(chat.text())
                .contains(chat.catalogText("help"), chat.catalogText("safety.emergency_signs"));
        assertThat(chat.catalogText("safety.emergency_signs"))
                .startsWith("Call your emergency number now");
    }

    @Test
    void screeningAnswersAreNotKeptOnlyTheRouteItsDateAndItsReason() {
        Chat chat = new Chat().selfCare(true);
        assertThat(chat.session().route()).isEqualTo(Route.SELF_CARE);
        assertThat(chat.session().routeDate()).hasToString("2026-03-02");
        assertThat(chat.session().toString()).doesNotContain("Screening");
    }

    /** From the first group of a running check: the taps a user makes to report {@code id}. */
    static void reachAndConfirm(Chat chat, String id) {
        for (CheckGroup group : Chat.CATALOG.checkGroups()) {
            int at = group.items().indexOf(id);
            if (at < 0) {
                chat.press(NO_LIST);
                continue;
            }
            chat.press(YES_LIST);
            for (int i = 0; i < at; i++) {
                chat.press("No");
            }
            assertThat(chat.text()).contains(Chat.CATALOG.flag(id).orElseThrow().text());
            chat.press("Yes");
            return;
        }
        throw new AssertionError(id + " is in no group");
    }
}
