package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Discord's OpenAPI description ({@code src/test/resources/specs/discord-openapi.json}, MIT licence
 * beside it, read from the test classpath so a clone builds on its own) used as a JSON-schema check
 * of request bodies. Supports what the description uses: $ref, type (also as a list), properties,
 * required, additionalProperties, items, enum, lengths, bounds, pattern and the combinators (oneOf
 * is read as anyOf: Discord's unions overlap, e.g. a null member).
 */
final class DiscordSpec {
    private static final String RESOURCE = "/specs/discord-openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile @Nullable DiscordSpec loaded;

    private final JsonNode root;

    private DiscordSpec(JsonNode root) {
        this.root = root;
    }

    static DiscordSpec load() {
        DiscordSpec spec = loaded;
        if (spec == null) {
            try (InputStream in = DiscordSpec.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the test classpath");
                }
                spec = new DiscordSpec(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            loaded = spec;
        }
        return spec;
    }

    /**
     * The JSON request schema of {@code method path} (path after /api/v10), or empty if the spec
     * has none.
     */
    Optional<JsonNode> requestSchema(String method, String path) {
        Iterator<Map.Entry<String, JsonNode>> paths = root.get("paths").properties().iterator();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String regex =
                    "\\Q" + entry.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (Pattern.matches(regex, path)) {
                JsonNode schema =
                        entry.getValue()
                                .path(method.toLowerCase())
                                .path("requestBody")
                                .path("content")
                                .path("application/json")
                                .path("schema");
                return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code method path} is an operation Discord has at all. */
    boolean knows(String method, String path) {
        Iterator<Map.Entry<String, JsonNode>> paths = root.get("paths").properties().iterator();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String regex =
                    "\\Q" + entry.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (Pattern.matches(regex, path) && entry.getValue().has(method.toLowerCase())) {
                return true;
            }
        }
        return false;
    }

    /** Every way {@code value} breaks {@code schema}; empty when it conforms. */
    List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> out) {
        if (schema.has("$ref")) {
            String[] parts = schema.get("$ref").asText().substring(2).split("/");
            JsonNode target = root;
            for (String part : parts) {
                target = target.path(part);
            }
            check(target, value, at, out);
        }
        if ("snowflake".equals(schema.path("format").asText())
                && value.isIntegralNumber()
                && value.asLong() >= 0) {
            return; // Discord takes ids as numbers too; JDA sends recipient_id that way
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            out.add(at + ": expected " + schema.get("type") + " but was " + value.getNodeType());
            return;
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.has(combinator)) {
                List<String> firstFailure = null;
                boolean any = false;
                for (JsonNode option : schema.get(combinator)) {
                    List<String> errors = new ArrayList<>();
                    check(option, value, at, errors);
                    if (errors.isEmpty()) {
                        any = true;
                        break;
                    }
                    if (firstFailure == null || errors.size() < firstFailure.size()) {
                        firstFailure = errors;
                    }
                }
                if (!any) {
                    out.add(
                            at
                                    + ": matches none of "
                                    + combinator
                                    + " (closest: "
                                    + firstFailure
                                    + ")");
                }
            }
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(s -> check(s, value, at, out));
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            out.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isTextual()) {
            int length = value.asText().codePointCount(0, value.asText().length());
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                out.add(
                        at
                                + ": "
                                + length
                                + " characters, at most "
                                + schema.get("maxLength")
                                + " allowed");
            }
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                out.add(
                        at
                                + ": "
                                + length
                                + " characters, at least "
                                + schema.get("minLength")
                                + " required");
            }
            if (schema.has("pattern")
                    && !Pattern.compile(schema.get("pattern").asText())
                            .matcher(value.asText())
                            .find()) {
                out.add(at + ": '" + value.asText() + "' does not match " + schema.get("pattern"));
            }
        }
        if (value.isNumber()
                || value.isTextual() && schema.path("type").asText().equals("integer")) {
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                out.add(at + ": " + value + " above " + schema.get("maximum"));
            }
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                out.add(at + ": " + value + " below " + schema.get("minimum"));
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                out.add(
                        at
                                + ": "
                                + value.size()
                                + " items, at most "
                                + schema.get("maxItems")
                                + " allowed");
            }
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                out.add(
                        at
                                + ": "
                                + value.size()
                                + " items, at least "
                                + schema.get("minItems")
                                + " required");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), at + "[" + i + "]", out);
                }
            }
        }
        if (value.isObject()) {
            checkObject(schema, value, at, out);
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at, List<String> out) {
        JsonNode properties = schema.path("properties");
        if (schema.has("required")) {
            for (JsonNode name : schema.get("required")) {
                if (!value.has(name.asText())) {
                    out.add(at + ": missing required field " + name.asText());
                }
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (properties.has(field.getKey())) {
                check(
                        properties.get(field.getKey()),
                        field.getValue(),
                        at + "." + field.getKey(),
                        out);
            } else if (schema.path("additionalProperties").isObject()) {
                check(
                        schema.get("additionalProperties"),
                        field.getValue(),
                        at + "." + field.getKey(),
                        out);
            } else if (schema.path("additionalProperties").isBoolean()
                    && !schema.get("additionalProperties").asBoolean()) {
                out.add(at + ": unknown field " + field.getKey());
            }
        }
        if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
            out.add(
                    at
                            + ": "
                            + value.size()
                            + " fields, at most "
                            + schema.get("maxProperties")
                            + " allowed");
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "null" -> value.isNull();
            case "string" -> value.isTextual();
            // Discord also takes integers as decimal strings; JDA sends command contexts that way.
            case "integer" ->
                    value.isIntegralNumber()
                            || value.isTextual() && value.asText().matches("-?\\d{1,19}");
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)
                    || (option.isNumber()
                            && value.isNumber()
                            && option.asDouble() == value.asDouble())) {
                return true;
            }
        }
        return false;
    }
}
