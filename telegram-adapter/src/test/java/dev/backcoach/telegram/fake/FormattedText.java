package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcoach.telegram.fake.BotApiSpec.Definition;
import dev.backcoach.telegram.fake.BotApiSpec.Field;
import dev.backcoach.telegram.fake.SpecValidator.Issue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The text or caption with its parse mode: HTML parsed as Telegram parses it, and the length
 * counted after entity parsing, in UTF-16 code units.
 */
final class FormattedText {

    private static final Set<String> PARSE_MODES = Set.of("html", "markdown", "markdownv2");

    private FormattedText() {}

    /**
     * {@code text} for methods that have both text and parse_mode, else {@code caption}, else null.
     */
    static String parseTarget(Definition method) {
        if (!method.fields().containsKey("parse_mode")) {
            return null;
        }
        if (method.fields().containsKey("text")) {
            return "text";
        }
        return method.fields().containsKey("caption") ? "caption" : null;
    }

    /** The parse target's length is checked after parsing, not by {@link LengthLimits}. */
    static boolean isParseTarget(Definition method, String field, Map<String, JsonNode> params) {
        return field.equals(parseTarget(method));
    }

    /**
     * Checks the parse target's text and adds what is wrong to {@code issues}.
     *
     * @return the text as Telegram would show it, or null if Telegram refuses it before parsing
     */
    static TelegramHtml.Result check(
            Definition method, String target, Map<String, JsonNode> params, List<Issue> issues) {
        String raw = params.get(target).asText();
        JsonNode modeNode = params.get("parse_mode");
        String mode =
                modeNode != null && modeNode.isTextual()
                        ? modeNode.asText().toLowerCase(Locale.ROOT)
                        : "";
        String entitiesField = target.equals("text") ? "entities" : "caption_entities";
        JsonNode entities = params.get(entitiesField);
        if (!mode.isEmpty() && entities != null && entities.isArray() && !entities.isEmpty()) {
            issues.add(
                    Issue.accepted(
                            entitiesField,
                            "given together with parse_mode="
                                    + modeNode.asText()
                                    + "; Telegram ignores the entities"));
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > (1 << 15)) {
            issues.add(
                    Issue.rejected(
                            target, "raw text over 32768 bytes", "Bad Request: text is too long"));
            return null;
        }
        TelegramHtml.Result parsed;
        if (mode.isEmpty() || mode.equals("none")) {
            parsed = new TelegramHtml.Result(raw, List.of(), null, List.of());
        } else if (mode.equals("html")) {
            parsed = TelegramHtml.parse(raw);
            for (String w : parsed.warnings()) {
                issues.add(Issue.accepted(target, "HTML: " + w));
            }
            if (!parsed.ok()) {
                issues.add(
                        Issue.rejected(
                                target,
                                "parse_mode=HTML does not parse: "
                                        + parsed.error()
                                        + " in \""
                                        + SpecValidator.abbreviate(raw)
                                        + "\"",
                                "Bad Request: can't parse entities: " + parsed.error()));
                return parsed;
            }
        } else if (PARSE_MODES.contains(mode)) {
            // Markdown and MarkdownV2 are not parsed by this fake: the text counts as it is.
            parsed = new TelegramHtml.Result(raw, List.of(), null, List.of());
        } else {
            issues.add(
                    Issue.rejected(
                            "parse_mode",
                            "unsupported parse_mode \""
                                    + modeNode.asText()
                                    + "\" (HTML, MarkdownV2 or Markdown)",
                            "Bad Request: unsupported parse_mode"));
            return null;
        }
        Field field = method.fields().get(target);
        Matcher m = LengthLimits.RANGE.matcher(field.description());
        if (m.find()) {
            int min = Integer.parseInt(m.group(1));
            int max = Integer.parseInt(m.group(2));
            int length = parsed.text().length();
            boolean isText = target.equals("text");
            if (length > max) {
                issues.add(
                        Issue.rejected(
                                target,
                                length
                                        + " characters (UTF-16 code units) after entity parsing, "
                                        + "Telegram allows "
                                        + min
                                        + "-"
                                        + max,
                                isText
                                        ? (method.name().startsWith("edit")
                                                ? "Bad Request: MESSAGE_TOO_LONG"
                                                : "Bad Request: message is too long")
                                        : "Bad Request: message caption is too long"));
            } else if (isText && min > 0 && length == 0) {
                issues.add(
                        Issue.rejected(
                                target,
                                "empty after entity parsing",
                                "Bad Request: message text is empty"));
            } else if (isText && min > 0 && parsed.text().strip().isEmpty()) {
                issues.add(
                        Issue.rejected(
                                target,
                                "only white space after entity parsing",
                                "Bad Request: message must be non-empty"));
            }
        }
        return parsed;
    }
}
