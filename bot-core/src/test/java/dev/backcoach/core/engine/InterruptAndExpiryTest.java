package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.Technique;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Route;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InterruptAndExpiryTest {
    private static final Technique ROLLER = Chat.CATALOG.technique("foam_roller").orElseThrow();

    private static Chat atSecondStep() {
        return new Chat()
                .selfCare(true)
                .send("/techniques foam_roller")
                .press("Next")
                .press("Next");
    }

    @Test
    void helpInTheMiddleOfAStepAnswersAndShowsTheSameStep() {
        Chat chat = atSecondStep();
        var before = chat.session();
        chat.send("/help");
        assertThat(chat.text()).contains(chat.catalogText("help"), ROLLER.steps().get(1).text());
        assertThat(chat.session()).isEqualTo(before);
        chat.press("Next");
        assertThat(chat.text()).contains(ROLLER.steps().get(2).text());
    }

    @Test
    void anotherCommandKeepsTheTechniqueForResuming() {
        Chat chat = atSecondStep().send("/settings");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.Settings.class);
        chat.send("/techniques");
        assertThat(chat.labels())
                .anyMatch(l -> l.contains(ROLLER.title()) && l.startsWith("Resume"));
        chat.press("Resume");
        assertThat(chat.text())
                .contains(chat.catalogText("guide.resumed"), ROLLER.steps().get(1).text());
        chat.press("Next");
        assertThat(chat.text()).contains(ROLLER.steps().get(2).text());
    }

    @Test
    void theResumeButtonStaysUsableAfterAReload() {
        Chat first = atSecondStep().send("/menu");
        // A second service on the same store: nothing but the stored session carries the place.
        Chat again = new Chat(first.store, "user-1");
        again.send("/resume");
        assertThat(again.text()).contains(ROLLER.steps().get(1).text());
    }

    @Test
    void afterAWeekAwayTheBotAsksAboutNewSymptomsFirst() {
        Chat chat = new Chat().selfCare(true).later(Duration.ofDays(8)).send("/techniques");
        assertThat(chat.text()).contains(chat.catalogText("techniques.symptom_checkin"));
        chat.press("No");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.ChoosingTechnique.class);
        chat.send("/routine morning");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.Guiding.class);
    }

    @Test
    void newSymptomsMeanARecheckBeforeAnyTechnique() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .later(Duration.ofDays(8))
                        .send("/routine evening")
                        .press("Yes");
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.Screening(0));
        assertThat(chat.text()).contains(chat.catalogText("check.intro"));
    }

    @Test
    void theRouteExpiresAfterThirtyDays() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .later(Duration.ofDays(29))
                        .send("/techniques")
                        .press("No");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.ChoosingTechnique.class);

        chat.later(Duration.ofDays(1)).send("/techniques");
        assertThat(chat.text()).contains("It's been 30 days since your last safety check.");
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.Screening(0));
        chat.noToEveryGroup();
        assertThat(chat.session().routeDate()).hasToString("2026-04-01");
    }

    @Test
    void sayingSymptomsChangedRechecksAndLocksTechniquesUntilDone() {
        Chat chat =
                atSecondStep()
                        .send("/settings")
                        .press(Chat.CATALOG.text("button.symptoms_changed"));
        assertThat(chat.session().route()).isEqualTo(Route.UNSCREENED);
        assertThat(chat.session().paused()).isNull();
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.Screening(0));
        chat.send("/techniques");
        assertThat(chat.text()).contains(chat.catalogText("techniques.need_check"));
    }
}
