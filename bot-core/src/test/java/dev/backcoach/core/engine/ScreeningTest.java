package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.ScreeningQuestion;
import dev.backcoach.core.content.Tier;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Route;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ScreeningTest {

    static Stream<Integer> everyQuestion() {
        return IntStream.range(0, Chat.CATALOG.screening().size()).boxed();
    }

    /** "Yes" to question i after "No" to all before it: the tier of question i decides. */
    @ParameterizedTest
    @MethodSource("everyQuestion")
    void theFirstYesDecidesTheRoute(int index) {
        Chat chat = new Chat().onboarded().send("/check");
        for (int i = 0; i < index; i++) {
            assertThat(chat.text()).contains(Chat.CATALOG.screening().get(i).text());
            assertThat(chat.labels()).containsExactly("Yes", "No");
            chat.press("No");
        }
        ScreeningQuestion question = Chat.CATALOG.screening().get(index);
        assertThat(chat.text()).contains(question.text());
        chat.press("Yes");

        if (question.tier() == Tier.EMERGENCY) {
            assertThat(chat.session().route()).isEqualTo(Route.EMERGENCY);
            assertThat(chat.text()).isEqualTo(chat.catalogText("outcome.emergency"));
            assertThat(chat.buttons()).as("emergency offers nothing else").isEmpty();
            chat.send("/techniques");
            assertThat(chat.text()).isEqualTo(chat.catalogText("outcome.emergency_locked"));
            assertThat(chat.buttons()).isEmpty();
            chat.send("/routine evening");
            assertThat(chat.text()).isEqualTo(chat.catalogText("outcome.emergency_locked"));
        } else if (question.tier() == Tier.SEE_CLINICIAN) {
            assertThat(chat.session().route()).isEqualTo(Route.SEE_CLINICIAN);
            assertThat(chat.text()).contains(chat.catalogText("outcome.see_clinician"));
            assertThat(chat.hasButton(chat.catalogText("button.techniques"))).isFalse();
            chat.send("/techniques");
            assertThat(chat.text()).contains(chat.catalogText("techniques.locked_clinician"));
            assertThat(chat.session().dialogue()).isEqualTo(Dialogue.IDLE);
            chat.press(chat.catalogText("button.learn"));
            assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.ChoosingLesson.class);
        } else {
            assertThat(chat.session().route()).isEqualTo(Route.CLEAR_FIRST);
            assertThat(chat.text()).contains(chat.catalogText("outcome.clear_first"), chat.catalogText("clear_first.ask"));
        }
    }

    @Test
    void clearFirstUnlocksTechniquesOnlyAfterTheClinicianCleared() {
        Chat chat = new Chat().onboarded().send("/check");
        int firstClearFirst = firstOf(Tier.CLEAR_FIRST);
        for (int i = 0; i < firstClearFirst; i++) {
            chat.press("No");
        }
        chat.press("Yes").press("No");
        assertThat(chat.text()).contains(chat.catalogText("clear_first.not_yet"));
        chat.send("/techniques");
        assertThat(chat.text()).contains(chat.catalogText("techniques.locked_clear_first"));

        chat.press("Yes");
        assertThat(chat.session().route()).isEqualTo(Route.CLEARED);
        assertThat(chat.text()).contains(chat.catalogText("clear_first.cleared"));
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.Planning.class);
    }

    @Test
    void allNoBuildsAPlanAndSuggestsMatchingTechniques() {
        Chat chat = new Chat().onboarded().send("/check");
        for (int i = 0; i < Chat.CATALOG.screening().size(); i++) {
            chat.press("No");
        }
        assertThat(chat.session().route()).isEqualTo(Route.SELF_CARE);
        assertThat(chat.text()).contains(chat.catalogText("outcome.self_care"), Chat.CATALOG.plan().get(0).text());
        // partner: no; tennis balls: yes; foam roller: no; firm ball: no; massager: no; floor: yes
        chat.press("No").press("Yes").press("No").press("No").press("No").press("Yes");
        assertThat(chat.text()).contains(chat.catalogText("plan.done"));
        assertThat(chat.labels()).contains("Tennis balls in a sock").doesNotContain("Foam roller", "Ball against a wall");
        assertThat(chat.labels().stream().filter(l -> l.contains("effleurage"))).isEmpty();
    }

    @Test
    void screeningAnswersAreNotKeptOnlyTheRouteAndItsDate() {
        Chat chat = new Chat().selfCare(true);
        assertThat(chat.session().route()).isEqualTo(Route.SELF_CARE);
        assertThat(chat.session().routeDate()).hasToString("2026-03-02");
        assertThat(chat.session().toString()).doesNotContain("Screening[");
    }

    private static int firstOf(Tier tier) {
        for (int i = 0; i < Chat.CATALOG.screening().size(); i++) {
            if (Chat.CATALOG.screening().get(i).tier() == tier) {
                return i;
            }
        }
        throw new AssertionError(tier);
    }
}
