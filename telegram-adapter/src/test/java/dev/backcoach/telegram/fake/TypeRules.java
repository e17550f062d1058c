package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcoach.telegram.fake.BotApiSpec.Definition;
import dev.backcoach.telegram.fake.SpecValidator.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Telegram's rules for particular types that the spec states only in prose. */
final class TypeRules {

    private static final Set<String> BUTTON_NON_ACTION_FIELDS =
            Set.of("text", "icon_custom_emoji_id", "style");
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");

    private TypeRules() {}

    /** Adds to {@code issues} what these rules find in {@code v}, a {@code d} at {@code path}. */
    static void check(String path, JsonNode v, Definition d, List<Issue> issues) {
        switch (d.name()) {
            case "InlineKeyboardButton" -> {
                JsonNode text = v.get("text");
                if (text != null && text.isTextual() && text.asText().isEmpty()) {
                    issues.add(
                            Issue.rejected(
                                    path + ".text",
                                    "button text is empty",
                                    "Bad Request: can't parse inline keyboard button: button text must be non-empty"));
                }
                List<String> actions = new ArrayList<>();
                for (String name : d.fields().keySet()) {
                    if (!BUTTON_NON_ACTION_FIELDS.contains(name)
                            && v.has(name)
                            && !v.get(name).isNull()) {
                        actions.add(name);
                    }
                }
                if (actions.isEmpty()) {
                    issues.add(
                            Issue.rejected(
                                    path,
                                    "inline keyboard button has none of its action fields (callback_data, "
                                            + "url, ...); exactly one is required",
                                    "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"));
                } else if (actions.size() > 1) {
                    issues.add(
                            Issue.accepted(
                                    path,
                                    "inline keyboard button has "
                                            + actions.size()
                                            + " action fields "
                                            + actions
                                            + "; exactly one must be used (Telegram keeps only the first it looks at)"));
                }
            }
            case "BotCommand" -> {
                JsonNode command = v.get("command");
                if (command != null
                        && command.isTextual()
                        && !COMMAND.matcher(command.asText()).matches()) {
                    issues.add(
                            Issue.rejected(
                                    path + ".command",
                                    "\""
                                            + command.asText()
                                            + "\" is not 1-32 lower-case "
                                            + "letters, digits and underscores (no leading /)",
                                    "Bad Request: BOT_COMMAND_INVALID"));
                }
            }
            case "InlineKeyboardMarkup" -> {
                JsonNode rows = v.get("inline_keyboard");
                if (rows != null && rows.isArray()) {
                    for (int r = 0; r < rows.size(); r++) {
                        if (rows.get(r).isArray() && rows.get(r).isEmpty()) {
                            issues.add(
                                    Issue.accepted(
                                            path + ".inline_keyboard[" + r + "]",
                                            "empty keyboard row"));
                        }
                    }
                }
            }
            default -> {
                // no prose rules
            }
        }
    }
}
