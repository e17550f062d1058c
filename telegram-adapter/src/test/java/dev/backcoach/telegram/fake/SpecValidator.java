package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.backcoach.telegram.fake.BotApiSpec.Definition;
import dev.backcoach.telegram.fake.BotApiSpec.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    private final ParamDecoder decoder;
    private final TypeChecker typeChecker;

    SpecValidator(BotApiSpec spec) {
        this.decoder = new ParamDecoder(spec);
        this.typeChecker = new TypeChecker(spec);
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
                    decoder.decode(
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
                                MethodRules.missingError(method.name(), f.name())));
            }
        }
        MethodRules.requireMessageOrInline(method, params, issues);

        for (Map.Entry<String, JsonNode> e : params.entrySet()) {
            Field field = method.fields().get(e.getKey());
            if (field != null) {
                issues.addAll(
                        typeChecker.checkAlternatives(
                                method.name(), e.getKey(), e.getValue(), field.types()));
                if (!FormattedText.isParseTarget(method, field.name(), params)) {
                    issues.addAll(
                            LengthLimits.check(
                                    method.name(), field, e.getKey(), e.getValue(), params));
                }
            }
        }

        String target = FormattedText.parseTarget(method);
        TelegramHtml.Result parsed = null;
        if (target != null && params.get(target) != null && params.get(target).isTextual()) {
            parsed = FormattedText.check(method, target, params, issues);
        }
        MethodRules.check(method, params, issues);
        PhotoRules.check(method.name(), params, issues);
        return new Validation(List.copyOf(issues), params, target, parsed);
    }

    /**
     * Validates a JSON value against spec types (used for nested values and for checking the fake's
     * own output).
     */
    List<Issue> validateValue(String path, JsonNode value, List<String> types) {
        return typeChecker.checkAlternatives("", path, value, types);
    }

    static com.fasterxml.jackson.databind.node.POJONode pojo(Upload upload) {
        return new com.fasterxml.jackson.databind.node.POJONode(upload);
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
