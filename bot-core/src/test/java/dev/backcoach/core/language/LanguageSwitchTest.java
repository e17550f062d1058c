package dev.backcoach.core.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Language;
import dev.backcoach.core.model.Route;
import org.junit.jupiter.api.Test;

/**
 * Switching language never moves the conversation: the pending question comes back in the new
 * language, and a button from a message in the old language still answers it.
 */
class LanguageSwitchTest {
    private static final Catalog ES = Chat.CATALOGS.get("es");

    @Test
    void midCheckTheQuestionComesBackInSpanishAndTheEnglishButtonStillWorks() {
        Chat chat = new Chat().onboarded().send("/check");
        Button englishNo = chat.button(chat.catalogText("button.check_no"));
        Dialogue before = chat.session().dialogue();

        chat.send("/language");
        assertThat(chat.labels())
                .containsExactlyElementsOf(
                        Chat.CATALOGS.languages().stream()
                                .map(code -> Chat.CATALOGS.get(code).text("language.name"))
                                .toList())
                .contains("English", "Español");
        assertThat(chat.session().dialogue()).isEqualTo(before);
        chat.press("Español");
        assertThat(chat.session().language()).isEqualTo(new Language("es", true));
        assertThat(chat.session().dialogue()).isEqualTo(before);
        assertThat(chat.text()).startsWith(ES.text("language.changed")).contains("(1/6)");
        assertThat(chat.labels()).contains(ES.text("button.check_no"));

        chat.pressData(englishNo.data()); // the English message is still on screen
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.Screening(1));
        assertThat(chat.text()).contains("(2/6)", "¿Tienes alguna de estas cosas");
    }

    @Test
    void midTechniqueTheStepComesBackInTheNewLanguage() {
        Chat chat = Chat.speaking("es").selfCare(true).send("/techniques heat");
        chat.press(ES.text("button.next"));
        Dialogue step = chat.session().dialogue();
        Button spanishNext = chat.button(ES.text("button.next"));

        chat.send("/language en");
        assertThat(chat.session().dialogue()).isEqualTo(step);
        assertThat(chat.text()).contains("Warmth before massage", "step 1 of 4");
        chat.pressData(spanishNext.data());
        assertThat(chat.text()).contains("step 2 of 4");

        // A chosen language outranks the platform's: the user still hears English.
        chat.send("hola");
        assertThat(chat.session().language()).isEqualTo(new Language("en", true));
    }

    @Test
    void aReminderSetInEnglishArrivesInSpanishAfterASwitch() {
        Chat chat = new Chat().selfCare(true).send("/nudge 20:00 Europe/Madrid");
        chat.send("/settings").press(chat.catalogText("button.language")).press("Español");
        assertThat(chat.session().nudge()).isNotNull();
        chat.nudge();
        assertThat(ES.nudges()).contains(chat.text().split("\n\n")[0]);
        assertThat(chat.labels()).contains(ES.text("button.nudge_start"));
    }

    @Test
    void thePlatformLanguageIsFollowedUntilTheUserChooses() {
        Chat chat = Chat.speaking("es-419").send("/start");
        assertThat(chat.session().language()).isEqualTo(new Language("es", false));
        assertThat(Chat.speaking("pt-br").send("/start").session().language())
                .isEqualTo(new Language("en", false));
        assertThat(Chat.speaking("ES").send("/start").text()).contains("Hola");
        assertThat(new Chat().send("/start").session().language()).isNull();
    }

    @Test
    void anEmergencyTypedInSpanishIsAnsweredInSpanishWithLocalNumbers() {
        Chat chat = Chat.speaking("es").selfCare(true).send("tengo las dos piernas dormidas");
        assertThat(chat.session().route()).isEqualTo(Route.EMERGENCY);
        assertThat(chat.text()).contains("112", "911", "urgencias");
    }

    @Test
    void theFragmentCheckFindsEnglish() {
        EnglishFragments fragments = new EnglishFragments("es");
        assertThat(fragments.in("Here is what I keep about you")).isNotEmpty();
        assertThat(fragments.in("Esto es lo que guardo sobre ti")).isEmpty();
    }
}
