package dev.backcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import java.util.List;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;

/** Every command and option carries its Spanish descriptions for es-ES and es-419. */
class SlashLocalizationTest {
    private static final Catalogs CATALOGS = Catalogs.load();
    private static final Catalog ES = CATALOGS.get("es");

    @Test
    void everyCommandAndOptionIsDescribedInSpanishForBothSpanishLocales() {
        List<SlashCommandData> commands = SlashCommands.definitions(CATALOGS);
        assertThat(CatalogLocalization.locales("es"))
                .containsExactlyInAnyOrder(DiscordLocale.SPANISH, DiscordLocale.SPANISH_LATAM);
        for (SlashCommandData command : commands) {
            for (DiscordLocale locale : CatalogLocalization.locales("es")) {
                assertThat(command.getDescriptionLocalizations().get(locale))
                        .as(command.getName() + " " + locale)
                        .isEqualTo(ES.text("command." + command.getName()));
                assertThat(command.getNameLocalizations().get(locale))
                        .as("names stay as the texts write them")
                        .isEqualTo(command.getName());
                for (OptionData option : command.getOptions()) {
                    assertThat(option.getDescriptionLocalizations().get(locale))
                            .as(command.getName() + " " + option.getName())
                            .isNotBlank()
                            .isNotEqualTo(option.getDescription())
                            .hasSizeLessThanOrEqualTo(100);
                }
            }
        }
    }

    @Test
    void aChangedTranslationChangesTheSignatureSoCommandsAreRegisteredAgain() {
        List<SlashCommandData> localized = SlashCommands.definitions(CATALOGS);
        List<SlashCommandData> englishOnly =
                SlashCommands.definitions(Catalogs.of(CATALOGS.english()));
        assertThat(SlashCommands.Signature.of(localized.get(0)))
                .isNotEqualTo(SlashCommands.Signature.of(englishOnly.get(0)));
        assertThat(SlashCommands.Signature.of(localized.get(0)))
                .isEqualTo(SlashCommands.Signature.of(SlashCommands.definitions(CATALOGS).get(0)));
    }
}
