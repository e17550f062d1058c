package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.language.EnglishFragments;
import dev.backcoach.discord.fake.Shown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real application on the fake Discord, for a user whose client is in Spanish (es-ES): slash
 * commands carry Spanish descriptions for es-ES and es-419, and a conversation (check, forget) in
 * the bot's DM is Spanish within Discord's limits.
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
        spanish(ana.send("forget", ES.text("forget.confirm")));
        spanish(ana.press(ES.text("button.forget_yes"), ES.text("forget.done")));
        assertThat(bot.discord().screen(30_001)).allMatch(m -> m.content().length() <= 2_000);
    }

    private void spanish(Shown shown) {
        assertThat(english.in(shown.content())).as(shown.content()).isEmpty();
    }
}
