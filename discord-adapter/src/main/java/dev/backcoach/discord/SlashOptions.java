package dev.backcoach.discord;

import java.util.stream.Stream;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;
import org.jspecify.annotations.Nullable;

/**
 * A slash command's options as the engine takes them: text. Discord sends the types the bot
 * registered, but an option of another type or without a value (an outdated command list, a client
 * of its own) is read as absent rather than thrown over: JDA's getters throw on such options.
 */
final class SlashOptions {
    private SlashOptions() {}

    /** The text options the engine reads, joined by spaces; "week" for a weekly view asked for. */
    static String argument(SlashCommandInteraction event) {
        String argument =
                Stream.of(
                                SlashCommands.TECHNIQUE,
                                SlashCommands.TIME,
                                SlashCommands.ZONE,
                                SlashCommands.SCORE)
                        .map(name -> text(event.getOption(name)))
                        .filter(s -> !s.isEmpty())
                        .reduce((a, b) -> a + " " + b)
                        .orElse("");
        if (argument.isEmpty() && flag(event.getOption(SlashCommands.WEEK))) {
            return "week"; // a score given too is logged first: it is the user's data
        }
        return argument;
    }

    /** A string, integer or number option's text; "" for any other type or a missing value. */
    static String text(@Nullable OptionMapping option) {
        if (option == null) {
            return "";
        }
        OptionType type = option.getType();
        if (type != OptionType.STRING && type != OptionType.INTEGER && type != OptionType.NUMBER) {
            return "";
        }
        try {
            return option.getAsString();
        } catch (RuntimeException e) { // no value: JDA throws DataObjectParsingException
            return "";
        }
    }

    static boolean flag(@Nullable OptionMapping option) {
        if (option == null || option.getType() != OptionType.BOOLEAN) {
            return false;
        }
        try {
            return option.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
