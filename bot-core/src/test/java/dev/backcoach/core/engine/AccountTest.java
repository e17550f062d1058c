package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Route;
import org.junit.jupiter.api.Test;

/** /start for someone known, /settings on each route, and the reply to someone under 18. */
class AccountTest {

    @Test
    void startForAKnownUserOffersToCarryOnOrStartOver() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("/techniques foam roller")
                        .press("Next")
                        .send("/start");
        assertThat(chat.text()).isEqualTo(chat.catalogText("start.welcome_back"));
        chat.press(chat.catalogText("button.carry_on"));
        assertThat(chat.hasButton("Resume")).as("the exercise left midway is still there").isTrue();

        chat.send("/start").press(chat.catalogText("button.start_over"));
        assertThat(chat.text())
                .contains(
                        chat.catalogText("check.intro"),
                        "(1/" + Chat.CATALOG.checkGroups().size() + ")");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.Screening.class);
    }

    @Test
    void settingsOnTheEmergencyRouteShowOnlyWhatApplies() {
        Chat chat =
                new Chat()
                        .onboarded()
                        .send("/check")
                        .press(Chat.CATALOG.text("button.check_yes"))
                        .press("Yes");
        assertThat(chat.session().route()).isEqualTo(Route.EMERGENCY);
        chat.send("/settings");
        assertThat(chat.text())
                .contains(chat.catalogText("route.emergency"))
                .doesNotContain("Plan:", "/nudge");
        assertThat(chat.labels())
                .containsExactly(
                        chat.catalogText("button.symptoms_changed"),
                        chat.catalogText("button.menu"),
                        chat.catalogText("button.language"));

        Chat selfCare = new Chat().selfCare(false).send("/settings");
        assertThat(selfCare.text()).contains("Plan: " + selfCare.catalogText("export.none"));
        assertThat(selfCare.labels())
                .contains(
                        selfCare.catalogText("button.redo_plan"),
                        selfCare.catalogText("button.reminders"));

        Chat unchecked = new Chat().onboarded().send("/settings");
        assertThat(unchecked.labels())
                .containsExactly(
                        unchecked.catalogText("button.start_check"),
                        unchecked.catalogText("button.menu"),
                        unchecked.catalogText("button.language"));
    }

    @Test
    void underEighteenGetsNoLetsStartButton() {
        Chat chat = new Chat().send("/start").press("No");
        assertThat(chat.text()).isEqualTo(chat.catalogText("start.minor"));
        assertThat(chat.buttons()).isEmpty();
    }
}
