package dev.backcoach.core.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Equipment;
import dev.backcoach.core.content.Languages;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every translated catalog present (Spanish, and Russian once merged) carries a whole conversation
 * with no English fragment in any reply or button, every reply within both platforms' limits
 * ({@link Chat} checks those on every turn).
 */
class EveryLanguageConversationTest {
    static List<String> translations() {
        return Chat.CATALOGS.languages().stream()
                .filter(code -> !code.equals(Languages.ENGLISH))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("translations")
    void aWholeConversationHasNoEnglish(String code) {
        EnglishFragments english = new EnglishFragments(code);
        Chat chat = Chat.speaking(code);
        Catalog c = chat.catalog();
        List<Runnable> turns =
                List.of(
                        () -> chat.send("/start"),
                        () -> chat.press(c.text("button.yes")),
                        () -> chat.press(c.text("button.agree")),
                        () -> chat.noToEveryGroup(),
                        () -> assertThat(chat.session().route()).isEqualTo(Route.SELF_CARE),
                        () -> chat.plan(Equipment.FOAM_ROLLER, Equipment.FLOOR),
                        () -> chat.send("/techniques foam_roller"),
                        () -> chat.press(c.text("button.next")),
                        () -> chat.press(c.text("button.hurts")),
                        () -> chat.press(c.text("button.no")),
                        () -> chat.send("/routine evening"),
                        () -> chat.send("/nudge 21:00 Europe/Moscow"),
                        () -> chat.progress(),
                        () -> chat.press("7"),
                        () -> chat.send("/settings"),
                        () -> chat.send("/help"),
                        () -> chat.send("/privacy"),
                        () -> chat.send("/export"),
                        () -> chat.send("/forget"),
                        () -> chat.press(c.text("button.forget_yes")));
        for (Runnable turn : turns) {
            turn.run();
            for (Reply reply : chat.replies()) {
                assertThat(english.in(reply.text())).as(code + ": " + reply.text()).isEmpty();
                reply.allButtons()
                        .forEach(b -> assertThat(english.in(b.label())).as(b.label()).isEmpty());
            }
        }
        assertThat(chat.text()).contains(c.text("forget.done"));
    }
}
