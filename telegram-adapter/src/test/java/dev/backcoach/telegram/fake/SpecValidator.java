package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.backcoach.telegram.fake.BotApiSpec.Definition;
import dev.backcoach.telegram.fake.BotApiSpec.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a request, or any JSON value, against {@link BotApiSpec}: parameters and fields (unknown,
 * missing, wrongly typed, recursively through the spec's types and unions), the limits written in
 * the spec's descriptions ("1-4096 characters", "1-64 bytes", "At most 100 commands"), and
 * Telegram's documented rules the descriptions only state in prose (inline keyboard buttons, bot
 * command names, HTML parse mode, webhook URLs).
 *
 * <p>Every problem is an {@link Issue}. {@link Issue#rejected()} says whether Telegram answers the
 * request with an error (then {@link Issue#error()} is the description it sends); an issue Telegram
 * silently accepts (an unknown parameter, a number sent as a string) is still a problem for a
 * strict test.
 */
final class SpecValidator {

    /**
     * One problem. {@code path} is the parameter, e.g. {@code
     * reply_markup.inline_keyboard[0][1].callback_data}.
     */
    record Issue(String path, String problem, boolean rejected, String error) {

        static Issue rejected(String path, String problem, String error) {
            return new Issue(path, problem, true, error);
        }

        static Issue accepted(String path, String problem) {
            return new Issue(path, problem, false, null);
        }
    }

    /**
     * Request-level result: issues, and the text Telegram would show for the method's parse target.
     */
    record Validation(
            List<Issue> issues,
            Map<String, JsonNode> params,
            String parseTarget,
            TelegramHtml.Result parsed) {

        Optional<Issue> firstRejection() {
            return issues.stream().filter(Issue::rejected).findFirst();
        }
    }

    /** A file part of a multipart request, carried through validation inside a POJO node. */
    record Upload(String partName, String fileName, String contentType, byte[] bytes) {}

    static final Set<String> BUTTON_NON_ACTION_FIELDS =
            Set.of("text", "icon_custom_emoji_id", "style");
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+) (characters|bytes)");
    private static final Pattern AT_MOST =
            Pattern.compile("At most (\\d+) [A-Za-z ]+? can be specified");
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Set<String> PARSE_MODES = Set.of("html", "markdown", "markdownv2");

    private final BotApiSpec spec;
    private final ObjectMapper mapper = new ObjectMapper();

    SpecValidator(BotApiSpec spec) {
        this.spec = spec;
    }

    /**
     * Validates one request.
     *
     * @param raw parameter values as they arrived: JSON values for a JSON body, strings ({@link
     *     TextNode}) for query, urlencoded and multipart fields
     * @param stringTransport true for query/urlencoded/multipart, where every value is a string by
     *     nature
     * @param files multipart file parts by part name
     */
    Validation validateRequest(
            Definition method,
            Map<String, JsonNode> raw,
            boolean stringTransport,
            Map<String, Upload> files) {
        List<Issue> issues = new ArrayList<>();
        Map<String, JsonNode> params = new LinkedHashMap<>();
        Set<String> referencedParts = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : raw.entrySet()) {
            String name = e.getKey();
            JsonNode value = e.getValue();
            Field field = method.fields().get(name);
            if (field == null) {
                issues.add(
                        Issue.accepted(
                                name,
                                "unknown parameter (not in the spec of "
                                        + method.name()
                                        + "; Telegram ignores it)"));
                params.put(name, value);
                continue;
            }
            if (value == null || value.isNull()) {
                issues.add(Issue.accepted(name, "sent as null; leave the parameter out instead"));
                continue;
            }
            params.put(
                    name,
                    decodeTopLevel(
                            name,
                            value,
                            field.types(),
                            stringTransport,
                            files,
                            referencedParts,
                            issues));
        }
        for (Upload upload : files.values()) {
            Field field = method.fields().get(upload.partName());
            boolean directUpload = field != null && field.types().contains("InputFile");
            if (directUpload) {
                params.put(upload.partName(), pojo(upload));
            } else if (!referencedParts.contains(upload.partName())) {
                issues.add(
                        Issue.accepted(
                                upload.partName(),
                                "file part \""
                                        + upload.fileName()
                                        + "\" is neither a parameter of "
                                        + method.name()
                                        + " nor referenced by attach://"
                                        + upload.partName()));
            }
        }

        for (Field f : method.fields().values()) {
            if (f.required() && !params.containsKey(f.name())) {
                issues.add(
                        Issue.rejected(
                                f.name(),
                                "missing required parameter",
                                missingError(method.name(), f.name())));
            }
        }
        requireMessageOrInline(method, params, issues);

        for (Map.Entry<String, JsonNode> e : params.entrySet()) {
            Field field = method.fields().get(e.getKey());
            if (field != null) {
                issues.addAll(
                        checkAlternatives(method.name(), e.getKey(), e.getValue(), field.types()));
                if (!isParseTarget(method, field.name(), params)) {
                    issues.addAll(limits(method.name(), field, e.getKey(), e.getValue(), params));
                }
            }
        }

        String target = parseTarget(method);
        TelegramHtml.Result parsed = null;
        if (target != null && params.get(target) != null && params.get(target).isTextual()) {
            parsed = checkFormattedText(method, target, params, issues);
        }
        methodRules(method, params, issues);
        PhotoRules.check(method.name(), params, issues);
        return new Validation(List.copyOf(issues), params, target, parsed);
    }

    /**
     * Validates a JSON value against spec types (used for nested values and for checking the fake's
     * own output).
     */
    List<Issue> validateValue(String path, JsonNode value, List<String> types) {
        return checkAlternatives("", path, value, types);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private JsonNode decodeTopLevel(
            String name,
            JsonNode value,
            List<String> types,
            boolean stringTransport,
            Map<String, Upload> files,
            Set<String> referencedParts,
            List<Issue> issues) {
        if (value.isTextual()
                && value.asText().startsWith("attach://")
                && types.contains("InputFile")) {
            String part = value.asText().substring("attach://".length());
            Upload upload = files.get(part);
            if (upload == null) {
                issues.add(
                        Issue.rejected(
                                name,
                                "refers to attach://"
                                        + part
                                        + " but the request has no such file part",
                                "Bad Request: wrong file identifier/HTTP URL specified"));
                return value;
            }
            referencedParts.add(part);
            return pojo(upload);
        }
        if (!value.isTextual() || types.contains("String")) {
            return value;
        }
        String text = value.asText();
        boolean structured =
                types.stream().anyMatch(t -> t.startsWith("Array of") || spec.isType(t));
        if (structured) {
            // "A JSON-serialized object": Telegram parses a string parameter as JSON, in any
            // transport.
            try {
                JsonNode parsed = mapper.readTree(text);
                if (parsed != null && (parsed.isObject() || parsed.isArray())) {
                    return parsed;
                }
            } catch (Exception e) {
                issues.add(
                        Issue.rejected(
                                name,
                                "is not valid JSON: " + abbreviate(text),
                                "Bad Request: can't parse " + name + " JSON object"));
                return value;
            }
        }
        Optional<JsonNode> scalar = coerceScalar(text, types);
        if (scalar.isPresent()) {
            if (!stringTransport) {
                issues.add(
                        Issue.accepted(
                                name,
                                "sent as the JSON string \""
                                        + abbreviate(text)
                                        + "\" where the spec says "
                                        + String.join(" or ", types)
                                        + " (Telegram converts it; send a JSON "
                                        + types.get(0)
                                        + ")"));
            }
            return scalar.get();
        }
        return value;
    }

    private static Optional<JsonNode> coerceScalar(String text, List<String> types) {
        for (String t : types) {
            switch (t) {
                case "Integer" -> {
                    if (text.matches("-?[0-9]{1,18}")) {
                        return Optional.of(LongNode.valueOf(Long.parseLong(text)));
                    }
                }
                case "Float" -> {
                    try {
                        return Optional.of(DoubleNode.valueOf(Double.parseDouble(text)));
                    } catch (NumberFormatException e) {
                        // try the next alternative
                    }
                }
                case "Boolean" -> {
                    String l = text.toLowerCase(Locale.ROOT);
                    if (l.equals("true") || l.equals("1")) {
                        return Optional.of(BooleanNode.TRUE);
                    }
                    if (l.equals("false") || l.equals("0")) {
                        return Optional.of(BooleanNode.FALSE);
                    }
                }
                default -> {
                    // not a scalar type
                }
            }
        }
        return Optional.empty();
    }

    private List<Issue> checkAlternatives(
            String owner, String path, JsonNode value, List<String> types) {
        if (types.size() == 1) {
            return check(owner, path, value, types.get(0));
        }
        List<Issue> best = null;
        for (String t : types) {
            if (!kindMatches(value, t)) {
                continue;
            }
            List<Issue> found = check(owner, path, value, t);
            if (found.isEmpty()) {
                return found;
            }
            if (best == null || score(found) < score(best)) {
                best = found;
            }
        }
        if (best != null) {
            return best;
        }
        return List.of(
                Issue.rejected(
                        path,
                        "expected " + String.join(" or ", types) + ", got " + describe(value),
                        null));
    }

    private static int score(List<Issue> issues) {
        int s = 0;
        for (Issue i : issues) {
            s += i.rejected() ? 1000 : 1;
        }
        return s;
    }

    private boolean kindMatches(JsonNode v, String type) {
        return switch (type) {
            case "Integer", "Float" -> v.isNumber();
            case "String" -> v.isTextual();
            case "Boolean" -> v.isBoolean();
            case "InputFile" -> v.isPojo() || v.isTextual();
            default ->
                    type.startsWith("Array of ")
                            ? v.isArray()
                            : spec.type(type)
                                    .map(
                                            d ->
                                                    d.isUnion()
                                                                    && d.subtypes().stream()
                                                                            .anyMatch(
                                                                                    s ->
                                                                                            kindMatches(
                                                                                                    v,
                                                                                                    s))
                                                            || v.isObject())
                                    .orElse(false);
        };
    }

    private List<Issue> check(String owner, String path, JsonNode v, String type) {
        switch (type) {
            case "Integer":
                if (v.isIntegralNumber() && v.canConvertToLong()) {
                    return List.of();
                }
                return List.of(Issue.rejected(path, "expected Integer, got " + describe(v), null));
            case "Float":
                return v.isNumber()
                        ? List.of()
                        : List.of(Issue.rejected(path, "expected Float, got " + describe(v), null));
            case "String":
                return v.isTextual()
                        ? List.of()
                        : List.of(
                                Issue.rejected(path, "expected String, got " + describe(v), null));
            case "Boolean":
                return v.isBoolean()
                        ? List.of()
                        : List.of(
                                Issue.rejected(path, "expected Boolean, got " + describe(v), null));
            case "InputFile":
                return v.isPojo()
                        ? List.of()
                        : List.of(
                                Issue.rejected(
                                        path,
                                        "expected an uploaded file (multipart/form-data), got "
                                                + describe(v),
                                        null));
            default:
                break;
        }
        if (type.startsWith("Array of ")) {
            if (!v.isArray()) {
                return List.of(
                        Issue.rejected(path, "expected " + type + ", got " + describe(v), null));
            }
            String element = type.substring("Array of ".length());
            List<Issue> issues = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                issues.addAll(check(owner, path + "[" + i + "]", v.get(i), element));
            }
            return issues;
        }
        Optional<Definition> def = spec.type(type);
        if (def.isEmpty()) {
            return List.of(
                    Issue.accepted(path, "type " + type + " is not in the spec; not checked"));
        }
        Definition d = def.get();
        if (d.isUnion()) {
            return checkUnion(path, v, d);
        }
        if (!v.isObject()) {
            return List.of(
                    Issue.rejected(
                            path,
                            "expected " + type + " (a JSON object), got " + describe(v),
                            null));
        }
        return checkObject(path, v, d);
    }

    private List<Issue> checkUnion(String path, JsonNode v, Definition union) {
        List<Definition> subtypes = new ArrayList<>();
        for (String s : union.subtypes()) {
            spec.type(s).ifPresent(subtypes::add);
        }
        String discriminator = null;
        boolean allHaveConstant = !subtypes.isEmpty();
        for (Definition s : subtypes) {
            Optional<Field> constant =
                    s.fields().values().stream().filter(f -> f.constant() != null).findFirst();
            if (constant.isEmpty()
                    || (discriminator != null && !discriminator.equals(constant.get().name()))) {
                allHaveConstant = false;
                break;
            }
            discriminator = constant.get().name();
        }
        if (allHaveConstant && v.isObject()) {
            JsonNode tag = v.get(discriminator);
            List<String> allowed = new ArrayList<>();
            for (Definition s : subtypes) {
                String c = s.fields().get(discriminator).constant();
                allowed.add(c);
                if (tag != null && tag.isTextual() && tag.asText().equals(c)) {
                    return checkObject(path, v, s);
                }
            }
            return List.of(
                    Issue.rejected(
                            path + "." + discriminator,
                            (tag == null ? "missing" : "unknown value " + describe(tag))
                                    + "; "
                                    + union.name()
                                    + " needs one of "
                                    + allowed,
                            null));
        }
        List<String> names = subtypes.stream().map(Definition::name).toList();
        return checkAlternatives("", path, v, names);
    }

    private List<Issue> checkObject(String path, JsonNode v, Definition d) {
        List<Issue> issues = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            Field f = d.fields().get(e.getKey());
            String p = path + "." + e.getKey();
            if (f == null) {
                issues.add(
                        Issue.accepted(
                                p,
                                "unknown field (not in the spec of "
                                        + d.name()
                                        + "; Telegram ignores it)"));
                continue;
            }
            if (e.getValue().isNull()) {
                issues.add(Issue.accepted(p, "is null; leave the field out instead"));
                continue;
            }
            issues.addAll(checkAlternatives(d.name(), p, e.getValue(), f.types()));
            if (f.constant() != null
                    && e.getValue().isTextual()
                    && !f.constant().equals(e.getValue().asText())) {
                issues.add(
                        Issue.rejected(p, "must be \"" + f.constant() + "\" in " + d.name(), null));
            }
            issues.addAll(limits(d.name(), f, p, e.getValue(), null));
        }
        for (Field f : d.fields().values()) {
            if (f.required() && (!v.has(f.name()) || v.get(f.name()).isNull())) {
                issues.add(
                        Issue.rejected(
                                path + "." + f.name(),
                                "missing required field of " + d.name(),
                                "Bad Request: can't parse "
                                        + topParam(path)
                                        + ": Can't find field \""
                                        + f.name()
                                        + "\""));
            }
        }
        typeRules(path, v, d, issues);
        return issues;
    }

    /** Telegram's rules for particular types that the spec states in prose. */
    private void typeRules(String path, JsonNode v, Definition d, List<Issue> issues) {
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

    /**
     * Length limits written in the description ("1-64 bytes", "0-200 characters", "At most 100
     * ...").
     */
    private List<Issue> limits(
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

    // --- formatted text
    // -------------------------------------------------------------------------------------------

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

    private static boolean isParseTarget(
            Definition method, String field, Map<String, JsonNode> params) {
        return field.equals(parseTarget(method));
    }

    private TelegramHtml.Result checkFormattedText(
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
                                        + abbreviate(raw)
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
        Matcher m = RANGE.matcher(field.description());
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

    // --- method rules
    // ---------------------------------------------------------------------------------------------

    private static void requireMessageOrInline(
            Definition method, Map<String, JsonNode> params, List<Issue> issues) {
        Map<String, Field> f = method.fields();
        if (!f.containsKey("inline_message_id")
                || !f.containsKey("chat_id")
                || !f.containsKey("message_id")
                || params.containsKey("inline_message_id")) {
            return;
        }
        if (!params.containsKey("chat_id")) {
            issues.add(
                    Issue.rejected(
                            "chat_id",
                            "missing: chat_id and message_id are required without "
                                    + "inline_message_id",
                            "Bad Request: chat_id is empty"));
        }
        if (!params.containsKey("message_id")) {
            issues.add(
                    Issue.rejected(
                            "message_id",
                            "missing: chat_id and message_id are required without "
                                    + "inline_message_id",
                            "Bad Request: message identifier is not specified"));
        }
    }

    private static void methodRules(
            Definition method, Map<String, JsonNode> params, List<Issue> issues) {
        if (method.name().equals("setWebhook")) {
            JsonNode url = params.get("url");
            if (url != null && url.isTextual() && !url.asText().isEmpty()) {
                webhookUrl(url.asText(), issues);
            }
            JsonNode secret = params.get("secret_token");
            if (secret != null
                    && secret.isTextual()
                    && !secret.asText().isEmpty()
                    && !SECRET.matcher(secret.asText()).matches()) {
                issues.add(
                        Issue.rejected(
                                "secret_token",
                                "only A-Z, a-z, 0-9, _ and - are allowed (1-256 characters)",
                                "Bad Request: secret token contains unallowed characters"));
            }
        }
        JsonNode chatId = params.get("chat_id");
        if (chatId != null
                && chatId.isTextual()
                && !chatId.asText().matches("-?[0-9]{1,18}|@[A-Za-z0-9_]{4,32}")) {
            issues.add(
                    Issue.rejected(
                            "chat_id",
                            "\""
                                    + abbreviate(chatId.asText())
                                    + "\" is neither a chat id nor an @username",
                            "Bad Request: chat not found"));
        }
    }

    private static void webhookUrl(String url, List<Issue> issues) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            issues.add(
                    Issue.rejected(
                            "url",
                            "not a URL: " + url,
                            "Bad Request: bad webhook: Failed to parse URL"));
            return;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            issues.add(
                    Issue.rejected(
                            "url",
                            "webhook URL must be HTTPS: " + url,
                            "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"));
            return;
        }
        int port = uri.getPort();
        if (port != -1 && port != 443 && port != 80 && port != 88 && port != 8443) {
            issues.add(
                    Issue.rejected(
                            "url",
                            "webhook port " + port + " is not 443, 80, 88 or 8443",
                            "Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443"));
        }
    }

    private static String missingError(String method, String param) {
        return switch (param) {
            case "text" -> "Bad Request: message text is empty";
            case "chat_id" -> "Bad Request: chat_id is empty";
            case "message_id" -> "Bad Request: message identifier is not specified";
            case "document", "photo", "audio", "video", "voice", "animation", "sticker" ->
                    "Bad Request: there is no " + param + " in the request";
            default -> "Bad Request: parameter \"" + param + "\" is required";
        };
    }

    // --- helpers
    // --------------------------------------------------------------------------------------------------

    private static com.fasterxml.jackson.databind.node.POJONode pojo(Upload upload) {
        return new com.fasterxml.jackson.databind.node.POJONode(upload);
    }

    private static String topParam(String path) {
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        int end = path.length();
        if (dot >= 0) {
            end = Math.min(end, dot);
        }
        if (bracket >= 0) {
            end = Math.min(end, bracket);
        }
        return path.substring(0, end);
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "String \"" + abbreviate(v.asText()) + "\"";
        }
        if (v.isIntegralNumber()) {
            return "Integer " + v.asText();
        }
        if (v.isNumber()) {
            return "Float " + v.asText();
        }
        if (v.isBoolean()) {
            return "Boolean " + v.asText();
        }
        if (v.isArray()) {
            return "Array " + abbreviate(v.toString());
        }
        if (v.isPojo()) {
            return "an uploaded file";
        }
        return "Object " + abbreviate(v.toString());
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
