package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.language.EnglishFragments;
import dev.backcoach.discord.fake.Shown;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real application on the fake Discord, for a user whose client is in Spanish (es-ES): slash
 * commands carry Spanish descriptions for es-ES and es-419, and a whole conversation in the bot's
 * DM is Spanish within Discord's limits.
 */
class DiscordSpanishTest {
    private static final Catalog ES = Catalogs.load().get("es");
    private final EnglishFragments english = new EnglishFragments("es");

    @RegisterExtension final DiscordHarness bot = new DiscordHarness();

    @Test
    void commandsAreDescribedInSpanishAndAConversationIsSpanish() {
        assertThat(
                        bot.discord()
                                .commands()
                                .get("check")
                                .path("description_localizations")
                                .path("es-419")
                                .asText())
                .isEqualTo(ES.text("command.check"));

        bot.discord().locale(30_001, "es-ES");
        DiscordUser ana = new DiscordUser(bot.discord(), 30_001, 0);
        spanish(ana.send("start", ES.text("start.ask_adult")));
        spanish(ana.press(ES.text("button.yes"), "¿Estás de acuerdo?"));
        spanish(ana.press(ES.text("button.agree"), "(1/6)"));
        for (int i = 1; i < ES.checkGroups().size(); i++) {
            spanish(ana.press(ES.text("button.check_no"), "(" + (i + 1) + "/6)"));
        }
        spanish(ana.press(ES.text("button.check_no"), "¿Qué tienes en casa?"));
        spanish(ana.press(ES.text("button.plan_done"), ES.text("plan.done")));
        spanish(ana.send("techniques", Map.of("technique", "heat"), "Antes de empezar"));
        spanish(ana.press(ES.text("button.next"), "paso 1 de 4"));
        spanish(ana.send("routine", Map.of("time", "evening"), "Rutina de noche"));
        spanish(
                ana.send(
                        "nudge",
                        Map.of("time", "20:30", "zone", "Europe/Madrid"),
                        "Te lo recordaré"));
        spanish(ana.send("progress", "zona horaria"));
        spanish(ana.press(ES.text("button.use_utc"), "de 0 (nada) a 10"));
        spanish(ana.press("6", "Guardado: 6/10"));
        spanish(ana.send("forget", ES.text("forget.confirm")));
        spanish(ana.press(ES.text("button.forget_yes"), ES.text("forget.done")));
        assertThat(bot.discord().screen(30_001)).allMatch(m -> m.content().length() <= 2_000);
    }

    private void spanish(Shown shown) {
        assertThat(english.in(shown.content())).as(shown.content()).isEmpty();
    }
}
