package dev.backcoach.core.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Equipment;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import org.junit.jupiter.api.Test;

/**
 * A whole conversation in Spanish, played turn by turn on the real engine: the platform reports
 * "es-419", and every reply (check, plan, technique, routine, reminder set-up, progress, export,
 * forget) is Spanish, with no English fragment, and fits every platform.
 */
class SpanishConversationTest {
    private final EnglishFragments english = new EnglishFragments("es");

    @Test
    void aWholeConversationIsInSpanish() {
        Chat chat = Chat.speaking("es-419");
        Catalog es = chat.catalog();
        assertThat(es.text("language.name")).isEqualTo("Español");

        chat.send("/start");
        spanish(chat);
        assertThat(chat.text()).contains("Hola, soy BackCoach");
        chat.press(es.text("button.yes")).press(es.text("button.agree"));
        spanish(chat);
        chat.send("/check");
        assertThat(chat.text()).contains("señales de alarma");
        for (int i = 0; i < es.checkGroups().size(); i++) {
            spanish(chat);
            chat.press(es.text("button.check_no"));
        }
        assertThat(chat.session().route()).isEqualTo(Route.SELF_CARE);
        assertThat(chat.text()).contains(es.text("outcome.self_care"));
        chat.plan(Equipment.TENNIS_BALLS, Equipment.FLOOR);
        spanish(chat);

        chat.send("/techniques tennis_balls");
        spanish(chat);
        chat.press(es.text("button.next"));
        assertThat(chat.text()).contains("Pelotas de tenis en un calcetín", "paso 1 de 4");
        chat.press(es.text("button.next"));
        spanish(chat);
        chat.press(es.text("button.hurts"));
        assertThat(chat.text()).contains(es.text("hurt.ask"));
        chat.press(es.text("button.no"));
        spanish(chat);

        chat.send("/routine morning");
        spanish(chat);
        assertThat(chat.text()).contains("Rutina de mañana");

        chat.send("/nudge 20:30 Europe/Madrid");
        spanish(chat);
        assertThat(chat.text()).contains("Te lo recordaré a las 20:30 (Europe/Madrid)");

        chat.progress();
        spanish(chat);
        chat.press("6");
        assertThat(chat.text()).contains("Guardado: 6/10");

        chat.send("/export");
        spanish(chat);
        assertThat(chat.replies().get(0).text())
                .startsWith("Esto es lo que guardo sobre ti:")
                .contains("Puntuaciones de rigidez: lun 2 mar: 6");

        chat.send("/forget");
        spanish(chat);
        chat.press(es.text("button.forget_yes"));
        spanish(chat);
        assertThat(chat.text()).contains(es.text("forget.done"));
        assertThat(chat.effects(Effect.Forget.class)).isNotEmpty();
    }

    @Test
    void aTypedSignIsReadInSpanishAndAnsweredInSpanish() {
        Chat chat = Chat.speaking("es").selfCare(true);
        chat.send("no puedo orinar desde ayer");
        assertThat(chat.session().route()).isEqualTo(Route.EMERGENCY);
        assertThat(chat.text()).contains("112", "911");
        spanish(chat);
        Chat typed = Chat.speaking("es").onboarded().send("/check");
        typed.send("no");
        assertThat(typed.session().dialogue()).isEqualTo(new Dialogue.Screening(1));
        typed.send("sí");
        assertThat(typed.session().dialogue()).isEqualTo(new Dialogue.ScreeningItem(1, 0));
        spanish(typed);
    }

    @Test
    void aSpanishQuestionGetsItsSpanishAnswer() {
        Chat chat = Chat.speaking("es").selfCare(true).send("¿calor o frío?");
        assertThat(chat.text()).contains("Los dos pueden ayudar");
        spanish(chat);
    }

    private void spanish(Chat chat) {
        for (Reply reply : chat.replies()) {
            assertThat(english.in(reply.text())).as(reply.text()).isEmpty();
            reply.allButtons()
                    .forEach(b -> assertThat(english.in(b.label())).as(b.label()).isEmpty());
        }
    }
}
