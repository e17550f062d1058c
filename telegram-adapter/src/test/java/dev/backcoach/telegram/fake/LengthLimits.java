package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcoach.telegram.fake.BotApiSpec.Field;
import dev.backcoach.telegram.fake.SpecValidator.Issue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The length limits written in the spec's descriptions ("1-64 bytes", "0-200 characters", "At most
 * 100 ..."), with the error Telegram answers for each.
 */
final class LengthLimits {

    static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+) (characters|bytes)");
    private static final Pattern AT_MOST =
            Pattern.compile("At most (\\d+) [A-Za-z ]+? can be specified");

    private LengthLimits() {}

    /**
     * Length limits written in the description ("1-64 bytes", "0-200 characters", "At most 100
     * ...").
     */
    static List<Issue> check(
            String owner, Field f, String path, JsonNode v, Map<String, JsonNode> siblings) {
        List<Issue> issues = new ArrayList<>();
        if (v.isTextual() && !f.description().contains("after entities parsing")) {
            Matcher m = RANGE.matcher(f.description());
            if (m.find()) {
                int min = Integer.parseInt(m.group(1));
                int max = Integer.parseInt(m.group(2));
                boolean bytes = m.group(3).equals("bytes");
                int length =
                        bytes
                                ? v.asText().getBytes(StandardCharsets.UTF_8).length
                                : v.asText().length();
                boolean emptyButtonData = owner.equals("InlineKeyboardButton") && length == 0;
                if ((length < min || length > max) && !emptyButtonData) {
                    issues.add(
                            Issue.rejected(
                                    path,
                                    length
                                            + " "
                                            + m.group(3)
                                            + ", Telegram allows "
                                            + min
                                            + "-"
                                            + max
                                            + " "
                                            + m.group(3),
                                    lengthError(
                                            owner, f.name(), length < min, min, max, m.group(3))));
                } else if (emptyButtonData) {
                    issues.add(
                            Issue.accepted(
                                    path,
                                    "empty "
                                            + f.name()
                                            + " (Telegram allows 1-64 bytes and treats an empty "
                                            + "value as absent)"));
                }
            }
        }
        if (v.isArray()) {
            Matcher m = AT_MOST.matcher(f.description());
            if (m.find() && v.size() > Integer.parseInt(m.group(1))) {
                issues.add(
                        Issue.rejected(
                                path,
                                v.size() + " entries, at most " + m.group(1) + " allowed",
                                owner.equals("setMyCommands")
                                        ? "Bad Request: BOT_COMMANDS_TOO_MUCH"
                                        : "Bad Request: too many " + f.name() + " specified"));
            }
        }
        return issues;
    }

    private static String lengthError(
            String owner, String field, boolean tooShort, int min, int max, String unit) {
        return switch (owner + "." + field) {
            case "InlineKeyboardButton.callback_data" -> "Bad Request: BUTTON_DATA_INVALID";
            case "BotCommand.command" -> "Bad Request: BOT_COMMAND_INVALID";
            case "BotCommand.description" ->
                    tooShort
                            ? "Bad Request: command description must be non-empty"
                            : "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID";
            case "answerCallbackQuery.text" -> "Bad Request: MESSAGE_TOO_LONG";
            case "setWebhook.secret_token" ->
                    "Bad Request: secret token must be 1-256 characters long";
            default ->
                    "Bad Request: " + field + " must be " + min + "-" + max + " " + unit + " long";
        };
    }
}
