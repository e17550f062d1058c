package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Dialogue;
import org.junit.jupiter.api.Test;

class OnboardingTest {

    @Test
    void startGreetsExplainsAndAsksAgeThenConsentThenStartsTheCheck() {
        Chat chat = new Chat().send("/start");
        assertThat(chat.text())
                .contains(chat.catalogText("start.greeting"), chat.catalogText("start.ask_adult"));
        assertThat(chat.labels()).containsExactly("Yes", "No");

        chat.press("Yes");
        assertThat(chat.text()).isEqualTo(chat.catalogText("start.ask_consent"));

        chat.press("Yes");
        assertThat(chat.text())
                .contains(chat.catalogText("start.ready"), chat.catalogText("check.intro"), "(1/");
        assertThat(chat.session().onboarded()).isTrue();
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.Screening(0));
    }

    @Test
    void minorsAreTurnedAwayKindlyAndGetNoCheck() {
        Chat chat = new Chat().send("/start").press("No");
        assertThat(chat.text()).contains(chat.catalogText("start.minor"));
        assertThat(chat.session().adult()).isFalse();

        chat.send("/check");
        assertThat(chat.text()).contains(chat.catalogText("start.ask_adult"));
    }

    @Test
    void withoutConsentOnlyGeneralInformationIsOffered() {
        Chat chat = new Chat().send("/start").press("Yes").press("No");
        assertThat(chat.text()).contains(chat.catalogText("start.consent_declined"));
        assertThat(chat.store.load(chat.user())).as("declining consent keeps nothing").isEmpty();

        chat.send("/techniques");
        assertThat(chat.text())
                .contains(
                        chat.catalogText("onboarding.needed"), chat.catalogText("start.ask_adult"));

        chat.send("/help");
        assertThat(chat.text()).contains(chat.catalogText("help"));
        chat.send("/learn");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.ChoosingLesson.class);
    }

    @Test
    void typedAnswersWorkLikeButtons() {
        Chat chat = new Chat().send("/start").send("yes").send("Yes, I agree");
        assertThat(chat.session().onboarded()).isTrue();
    }

    @Test
    void startAgainWelcomesBackWithoutAskingAgain() {
        Chat chat = new Chat().onboarded().send("/start");
        assertThat(chat.text()).contains(chat.catalogText("start.welcome_back"));
    }
}
