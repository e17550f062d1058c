package dev.backcoach.discord;

import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.content.Languages;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;

/**
 * Slash commands in every language the bot speaks: each Discord locale whose language has a catalog
 * (es-ES and es-419 for Spanish, ru for Russian) gets the catalog's descriptions and choice names.
 * Command and option names stay as they are in every locale, since the texts name them ("/check").
 */
final class CatalogLocalization implements LocalizationFunction {
    private final Map<String, Map<DiscordLocale, String>> byKey = new HashMap<>();

    /** {@code definitions} builds the commands from one language's catalog. */
    CatalogLocalization(
            Catalogs catalogs,
            java.util.function.Function<dev.backcoach.core.content.Catalog, List<SlashCommandData>>
                    definitions) {
        for (String code : catalogs.languages()) {
            if (code.equals(Languages.ENGLISH)) {
                continue;
            }
            List<DiscordLocale> locales = locales(code);
            for (SlashCommandData command : definitions.apply(catalogs.get(code))) {
                String name = command.getName();
                put(name + ".name", name, locales);
                put(name + ".description", command.getDescription(), locales);
                for (OptionData option : command.getOptions()) {
                    String key = name + ".options." + option.getName();
                    put(key + ".name", option.getName(), locales);
                    put(key + ".description", option.getDescription(), locales);
                    if (option.getType() == OptionType.STRING) {
                        option.getChoices()
                                .forEach(
                                        choice ->
                                                put(
                                                        key
                                                                + ".choices."
                                                                + choice.getAsString()
                                                                + ".name",
                                                        choice.getName(),
                                                        locales));
                    }
                }
            }
        }
    }

    /** Discord's locales for a language: "es" is es-ES and es-419. */
    static List<DiscordLocale> locales(String code) {
        return java.util.Arrays.stream(DiscordLocale.values())
                .filter(l -> l != DiscordLocale.UNKNOWN)
                .filter(l -> Languages.primary(l.getLocale()).equals(code))
                .toList();
    }

    private void put(String key, String text, List<DiscordLocale> locales) {
        Map<DiscordLocale, String> map =
                byKey.computeIfAbsent(key, k -> new EnumMap<>(DiscordLocale.class));
        locales.forEach(locale -> map.put(locale, text));
    }

    @Override
    public Map<DiscordLocale, String> apply(String localizationKey) {
        return byKey.getOrDefault(localizationKey, Map.of());
    }
}
