package dev.backcoach.discord;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.engine.Engine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global slash commands: the list of docs/runtime.md, usable in servers, in the bot's DMs and
 * in group DMs, for server installs and user installs. Registered only when Discord's copy differs,
 * so restarts do not churn the list.
 */
final class SlashCommands {
    private static final Logger log = LoggerFactory.getLogger(SlashCommands.class);
    static final List<String> NAMES = Engine.commands();

    /** Option names; their values become the engine's command argument. */
    static final String TECHNIQUE = "name";

    static final String TIME = "time";
    static final String ZONE = "zone";

    /** /progress: a stiffness rating to log (0–10), or the weekly summary. */
    static final String SCORE = "score";

    static final String WEEK = "week";

    private SlashCommands() {}

    /** The commands in English, with every other language of {@code catalogs} as localizations. */
    static List<SlashCommandData> definitions(Catalogs catalogs) {
        CatalogLocalization localized =
                new CatalogLocalization(catalogs, SlashCommands::definitions);
        return definitions(catalogs.english(), localized);
    }

    static List<SlashCommandData> definitions(Catalog catalog) {
        return definitions(catalog, key -> Map.of());
    }

    /**
     * {@code localized} gives each command's, option's and choice's texts in other locales. They
     * are set as the commands are built (JDA's own use of the function fills only the JSON it
     * sends), so that the comparison with what Discord has sees them too.
     */
    private static List<SlashCommandData> definitions(
            Catalog catalog, LocalizationFunction localized) {
        return NAMES.stream()
                .map(
                        name -> {
                            SlashCommandData command =
                                    Commands.slash(name, catalog.text("command." + name))
                                            .setNameLocalizations(localized.apply(name + ".name"))
                                            .setDescriptionLocalizations(
                                                    localized.apply(name + ".description"))
                                            .setContexts(
                                                    InteractionContextType.GUILD,
                                                    InteractionContextType.BOT_DM,
                                                    InteractionContextType.PRIVATE_CHANNEL)
                                            .setIntegrationTypes(
                                                    IntegrationType.GUILD_INSTALL,
                                                    IntegrationType.USER_INSTALL);
                            switch (name) {
                                case "techniques" ->
                                        command.addOptions(
                                                new OptionData(
                                                        OptionType.STRING,
                                                        TECHNIQUE,
                                                        catalog.text("option.technique"),
                                                        false,
                                                        true));
                                case "routine" ->
                                        command.addOptions(
                                                new OptionData(
                                                                OptionType.STRING,
                                                                TIME,
                                                                catalog.text("option.routine"),
                                                                false)
                                                        .addChoice(
                                                                catalog.text("button.morning"),
                                                                "morning")
                                                        .addChoice(
                                                                catalog.text("button.evening"),
                                                                "evening"));
                                case "nudge" ->
                                        command.addOptions(
                                                new OptionData(
                                                                OptionType.STRING,
                                                                TIME,
                                                                catalog.text("option.nudge_time"),
                                                                false)
                                                        .setMaxLength(5),
                                                new OptionData(
                                                        OptionType.STRING,
                                                        ZONE,
                                                        catalog.text("option.nudge_zone"),
                                                        false,
                                                        true));
                                case "progress" ->
                                        command.addOptions(
                                                new OptionData(
                                                                OptionType.INTEGER,
                                                                SCORE,
                                                                catalog.text(
                                                                        "option.progress_score"),
                                                                false)
                                                        .setRequiredRange(0, 10),
                                                new OptionData(
                                                        OptionType.BOOLEAN,
                                                        WEEK,
                                                        catalog.text("option.progress_week"),
                                                        false));
                                default -> {}
                            }
                            return localizeOptions(command, localized);
                        })
                .toList();
    }

    /** The command with each option's description and choice names localized. */
    private static SlashCommandData localizeOptions(
            SlashCommandData command, LocalizationFunction localized) {
        List<OptionData> options =
                command.getOptions().stream()
                        .map(o -> localize(command.getName(), o, localized))
                        .toList();
        if (!options.isEmpty()) {
            command.removeOptions(o -> true);
            command.addOptions(options);
        }
        return command;
    }

    private static OptionData localize(
            String command, OptionData option, LocalizationFunction localized) {
        String key = command + ".options." + option.getName();
        OptionData copy =
                new OptionData(
                                option.getType(),
                                option.getName(),
                                option.getDescription(),
                                option.isRequired(),
                                option.isAutoComplete())
                        .setNameLocalizations(localized.apply(key + ".name"))
                        .setDescriptionLocalizations(localized.apply(key + ".description"));
        if (option.getMaxLength() != null) {
            copy.setMaxLength(option.getMaxLength());
        }
        // A score's 0–10 range must survive the copy, or Discord accepts any number.
        if (option.getMinValue() != null) {
            copy.setMinValue(option.getMinValue().longValue());
        }
        if (option.getMaxValue() != null) {
            copy.setMaxValue(option.getMaxValue().longValue());
        }
        for (Command.Choice c : option.getChoices()) {
            copy.addChoices(
                    new Command.Choice(c.getName(), c.getAsString())
                            .setNameLocalizations(
                                    localized.apply(
                                            key + ".choices." + c.getAsString() + ".name")));
        }
        return copy;
    }

    /** Replaces the global list when it differs from ours; returns whether it did. */
    static boolean register(JDA jda, Catalogs catalogs) {
        List<SlashCommandData> wanted = definitions(catalogs);
        Set<Signature> current =
                // With their localizations: a changed translation is a change to register.
                jda.retrieveCommands(true).complete().stream()
                        .map(Signature::of)
                        .collect(Collectors.toSet());
        Set<Signature> ours = wanted.stream().map(Signature::of).collect(Collectors.toSet());
        if (current.equals(ours)) {
            log.info("slash commands are up to date");
            return false;
        }
        Set<Signature> changed = new java.util.HashSet<>(ours);
        changed.removeAll(current);
        log.info(
                "slash commands changed: {}",
                changed.stream().map(Signature::name).sorted().toList());
        jda.updateCommands().addCommands(wanted).complete();
        log.info("registered {} slash commands", wanted.size());
        return true;
    }

    /**
     * What a user sees of a command; compared instead of the JSON, which Discord fills with
     * defaults.
     */
    record Signature(
            String name,
            String description,
            Map<DiscordLocale, String> descriptions,
            List<String> options,
            Set<InteractionContextType> contexts,
            Set<IntegrationType> installs) {
        /** Discord's copy, read the same way as ours; a context-menu command never matches ours. */
        static Signature of(Command c) {
            if (c.getType() != Command.Type.SLASH) {
                return new Signature(
                        c.getType() + ":" + c.getName(),
                        "",
                        Map.of(),
                        List.of(),
                        Set.of(),
                        Set.of());
            }
            return of(SlashCommandData.fromCommand(c));
        }

        static Signature of(SlashCommandData c) {
            return new Signature(
                    c.getName(),
                    c.getDescription(),
                    c.getDescriptionLocalizations().toMap(),
                    c.getOptions().stream().map(Signature::option).toList(),
                    Set.copyOf(c.getContexts()),
                    Set.copyOf(c.getIntegrationTypes()));
        }

        /**
         * Localizations in locale order: they are compared as text, and the map Discord's answer is
         * read into iterates in another order than ours.
         */
        private static java.util.SortedMap<DiscordLocale, String> sorted(
                Map<DiscordLocale, String> byLocale) {
            return new java.util.TreeMap<>(byLocale);
        }

        /** One option as text: everything a user sees of it, its range and its choices. */
        private static String option(OptionData o) {
            return String.join(
                    "|",
                    o.getName(),
                    o.getDescription() + sorted(o.getDescriptionLocalizations().toMap()),
                    o.getType().toString(),
                    String.valueOf(o.isRequired()),
                    String.valueOf(o.isAutoComplete()),
                    String.valueOf(o.getMinValue()),
                    String.valueOf(o.getMaxValue()),
                    String.valueOf(o.getMaxLength()),
                    o.getChoices().stream()
                            .map(
                                    ch ->
                                            ch.getName()
                                                    + sorted(ch.getNameLocalizations().toMap())
                                                    + "="
                                                    + ch.getAsString())
                            .toList()
                            .toString());
        }
    }
}
