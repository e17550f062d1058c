package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.backcoach.telegram.fake.FakeBotApi.UploadedFile;
import dev.backcoach.telegram.fake.SpecValidator.Upload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reading validated parameters, and turning them into the plain Java values tests see. */
final class ParamValues {

    private ParamValues() {}

    static boolean bool(Map<String, JsonNode> p, String name) {
        JsonNode n = p.get(name);
        return n != null && n.isBoolean() && n.asBoolean();
    }

    static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The chat_id as a number, whether sent as a JSON number or a string; empty for @username. */
    static OptionalLong chatIdOf(Map<String, JsonNode> p) {
        JsonNode c = p.get("chat_id");
        if (c == null) {
            return OptionalLong.empty();
        }
        if (c.isIntegralNumber()) {
            return OptionalLong.of(c.asLong());
        }
        if (c.isTextual() && c.asText().matches("-?[0-9]{1,18}")) {
            return OptionalLong.of(Long.parseLong(c.asText()));
        }
        return OptionalLong.empty();
    }

    /** The upload a file parameter carries, or null for a file_id or URL. */
    static Upload uploadOf(JsonNode file) {
        return file.isPojo() && ((POJONode) file).getPojo() instanceof Upload u ? u : null;
    }

    static Map<String, Object> toJavaMap(Map<String, JsonNode> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, toJava(v)));
        return Collections.unmodifiableMap(out);
    }

    static Object toJava(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isPojo()) {
            Object pojo = ((POJONode) n).getPojo();
            if (pojo instanceof Upload u) {
                return new UploadedFile(u.fileName(), u.contentType(), u.bytes());
            }
            return pojo;
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(e -> list.add(toJava(e)));
            return Collections.unmodifiableList(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        n.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue())));
        return Collections.unmodifiableMap(map);
    }
}
