package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.TestClock;
import dev.backcoach.discord.fake.Shown;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real application on the fake Discord, for a user whose client is in Spanish (es-ES): slash
 * commands carry Spanish descriptions for es-ES and es-419, technique names are suggested in
 * Spanish, and a whole conversation in the bot's DM is Spanish within Discord's limits.
 */
class DiscordSpanishTest {
    private static final Speaking ES = Speaking.spanish();

    final TestClock clock = TestClock.running(Instant.parse("2026-03-23T18:00:00Z"));
    @RegisterExtension final DiscordHarness bot = new DiscordHarness().clock(clock);

    @Test
    void commandsAreDescribedInSpanish() {
        assertThat(
                        bot.discord()
                                .commands()
                                .get("check")
                                .path("description_localizations")
                                .path("es-419")
                                .asText())
                .isEqualTo(ES.text("command.check"));
    }

    @Test
    void aWholeConversationInSpanish() {
        bot.discord().locale(30_001, ES.discordLocale);
        DiscordUser ana = new DiscordUser(bot.discord(), 30_001, 0);
        Conversation.play(ES, ana.player(ES, clock));
        ana.awaitFile(".json");
        List<Shown> screen = bot.discord().screen(30_001);
        assertThat(screen)
                .anyMatch(m -> m.files().stream().anyMatch(f -> f.endsWith(".png")))
                .anyMatch(m -> m.files().stream().anyMatch(f -> f.endsWith(".json")))
                .allSatisfy(ES::check);
    }

    @Test
    void techniqueNamesAreSuggestedInTheClientsLanguage() {
        bot.discord().locale(30_002, ES.discordLocale);
        String heat = ES.catalog.technique("heat").orElseThrow().title();
        List<String> suggested =
                bot.discord().autocomplete(30_002, "techniques", "name", heat.substring(0, 5));
        assertThat(suggested).contains(heat).hasSizeLessThanOrEqualTo(25);
        assertThat(suggested).allSatisfy(name -> assertThat(name).hasSizeBetween(1, 100));
        assertThat(bot.discord().autocomplete(30_002, "techniques", "name", ""))
                .hasSize(ES.catalog.techniques().size())
                .allSatisfy(ES::check);
    }
}
