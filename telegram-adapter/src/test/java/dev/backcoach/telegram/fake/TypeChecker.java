package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backcoach.telegram.fake.BotApiSpec.Definition;
import dev.backcoach.telegram.fake.BotApiSpec.Field;
import dev.backcoach.telegram.fake.SpecValidator.Issue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a JSON value against the spec's types, recursively: scalars, arrays, objects with their
 * required and unknown fields, and unions (by their discriminator field, else the closest
 * alternative).
 */
final class TypeChecker {

    private final BotApiSpec spec;

    TypeChecker(BotApiSpec spec) {
        this.spec = spec;
    }

    List<Issue> checkAlternatives(String owner, String path, JsonNode value, List<String> types) {
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
                        "expected "
                                + String.join(" or ", types)
                                + ", got "
                                + SpecValidator.describe(value),
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
                return List.of(
                        Issue.rejected(
                                path, "expected Integer, got " + SpecValidator.describe(v), null));
            case "Float":
                return v.isNumber()
                        ? List.of()
                        : List.of(
                                Issue.rejected(
                                        path,
                                        "expected Float, got " + SpecValidator.describe(v),
                                        null));
            case "String":
                return v.isTextual()
                        ? List.of()
                        : List.of(
                                Issue.rejected(
                                        path,
                                        "expected String, got " + SpecValidator.describe(v),
                                        null));
            case "Boolean":
                return v.isBoolean()
                        ? List.of()
                        : List.of(
                                Issue.rejected(
                                        path,
                                        "expected Boolean, got " + SpecValidator.describe(v),
                                        null));
            case "InputFile":
                return v.isPojo()
                        ? List.of()
                        : List.of(
                                Issue.rejected(
                                        path,
                                        "expected an uploaded file (multipart/form-data), got "
                                                + SpecValidator.describe(v),
                                        null));
            default:
                break;
        }
        if (type.startsWith("Array of ")) {
            if (!v.isArray()) {
                return List.of(
                        Issue.rejected(
                                path,
                                "expected " + type + ", got " + SpecValidator.describe(v),
                                null));
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
                            "expected "
                                    + type
                                    + " (a JSON object), got "
                                    + SpecValidator.describe(v),
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
                            (tag == null
                                            ? "missing"
                                            : "unknown value " + SpecValidator.describe(tag))
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
            issues.addAll(LengthLimits.check(d.name(), f, p, e.getValue(), null));
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
        TypeRules.check(path, v, d, issues);
        return issues;
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
}
