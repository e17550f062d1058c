package dev.backcoach.core.content;

/**
 * The longest a catalog text may be, by its key: the tightest platform limit where it is shown
 * (Telegram: messages 4,096, captions 1,024, bot description 512, short description 120; Discord:
 * messages 2,000, command and option descriptions 100). Checked in every language.
 */
public final class PlatformLimits {
    /** Discord's limit for a command's or an option's description. */
    public static final int COMMAND_DESCRIPTION = 100;

    /** Telegram's limit for a photo's caption (the progress chart). */
    public static final int CAPTION = 1_024;

    /** Telegram's setMyDescription. */
    public static final int BOT_DESCRIPTION = 512;

    /** Telegram's setMyShortDescription. */
    public static final int BOT_SHORT_DESCRIPTION = 120;

    private PlatformLimits() {}

    public static int maxFor(String key) {
        if (key.startsWith("button.")) {
            return CatalogValidator.MAX_LABEL;
        } else if (key.startsWith("command.") || key.startsWith("option.")) {
            return COMMAND_DESCRIPTION;
        } else if (key.equals("bot.description")) {
            return BOT_DESCRIPTION;
        } else if (key.equals("bot.short_description")) {
            return BOT_SHORT_DESCRIPTION;
        } else if (key.endsWith("caption")) {
            return CAPTION;
        }
        return CatalogValidator.MAX_TEXT;
    }
}
