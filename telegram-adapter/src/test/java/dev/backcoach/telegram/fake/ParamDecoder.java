package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.backcoach.telegram.fake.SpecValidator.Issue;
import dev.backcoach.telegram.fake.SpecValidator.Upload;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a parameter as it arrived into the value Telegram reads: {@code attach://} references to
 * file parts, JSON-serialized objects in string transports, numbers and booleans sent as strings.
 */
final class ParamDecoder {

    private final BotApiSpec spec;
    private final ObjectMapper mapper = new ObjectMapper();

    ParamDecoder(BotApiSpec spec) {
        this.spec = spec;
    }

    JsonNode decode(
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
            return SpecValidator.pojo(upload);
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
                                "is not valid JSON: " + SpecValidator.abbreviate(text),
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
                                        + SpecValidator.abbreviate(text)
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
}
