package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import dev.backcoach.telegram.fake.BotApiSpec.Definition;
import dev.backcoach.telegram.fake.SpecValidator.Upload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one request as they arrived: from the query string and a JSON, urlencoded or
 * multipart/form-data body, with the file parts and what was wrong with the transport.
 */
final class RequestParams {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, JsonNode> raw = new LinkedHashMap<>();
    final Map<String, Upload> files = new LinkedHashMap<>();
    final List<String> transportProblems = new ArrayList<>();

    /** True for query, urlencoded and multipart, where every value is a string by nature. */
    boolean stringTransport;

    /**
     * Reads the parameters of a call of {@code method} ({@code methodName} as in the URL).
     *
     * @return Telegram's error for a body it cannot parse (recorded as a violation), or null
     */
    ApiReply read(
            HttpExchange ex, byte[] body, Definition method, String methodName, FakeState state) {
        HttpBodies.Form query = HttpBodies.urlencoded(ex.getRequestURI().getRawQuery());
        if (!query.fields().isEmpty()) {
            stringTransport = true;
            query.fields().forEach((k, v) -> raw.put(k, TextNode.valueOf(v)));
        }
        transportProblems.addAll(query.problems());
        String contentType =
                Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
        String ct = contentType.toLowerCase(Locale.ROOT);
        if (ct.startsWith("application/json")) {
            if (body.length > 0) {
                JsonNode parsed;
                try {
                    parsed = JSON.readTree(body);
                } catch (IOException e) {
                    state.violation(method.name() + ": body is not valid JSON: " + e.getMessage());
                    return ApiReply.error(
                            400, "Bad Request: can't parse JSON encoded request", null);
                }
                if (!(parsed instanceof ObjectNode object)) {
                    state.violation(
                            method.name()
                                    + ": JSON body is not an object: "
                                    + SpecValidator.abbreviate(parsed.toString()));
                    return ApiReply.error(400, "Bad Request: JSON object expected", null);
                }
                object.properties().forEach(e -> raw.put(e.getKey(), e.getValue()));
            }
        } else if (ct.startsWith("multipart/form-data")) {
            stringTransport = true;
            HttpBodies.Form form = HttpBodies.multipart(contentType, body);
            form.fields().forEach((k, v) -> raw.put(k, TextNode.valueOf(v)));
            files.putAll(form.files());
            transportProblems.addAll(form.problems());
        } else if (ct.startsWith("application/x-www-form-urlencoded")) {
            stringTransport = true;
            HttpBodies.Form form = HttpBodies.urlencoded(new String(body, StandardCharsets.UTF_8));
            form.fields().forEach((k, v) -> raw.put(k, TextNode.valueOf(v)));
            transportProblems.addAll(form.problems());
        } else if (body.length > 0) {
            transportProblems.add(
                    "body of unsupported Content-Type \""
                            + contentType
                            + "\" ignored (Telegram reads JSON, "
                            + "urlencoded and multipart/form-data)");
        }
        if (!method.fields().containsKey("method") && raw.containsKey("method")) {
            JsonNode named = raw.remove("method");
            if (!named.isTextual() || !named.asText().equalsIgnoreCase(method.name())) {
                transportProblems.add(
                        "body names method " + named + " but the URL calls " + methodName);
            }
        }
        return null;
    }
}
