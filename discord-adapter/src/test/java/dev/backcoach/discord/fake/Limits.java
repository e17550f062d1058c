package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Discord's message limits where the OpenAPI description is looser than what Discord enforces for a
 * bot's message: 2,000 characters of content, 5 action rows of at most 5 buttons, custom_id up to
 * 100 and labels up to 80 characters.
 */
final class Limits {
    private Limits() {}

    static List<String> check(JsonNode message) {
        List<String> out = new ArrayList<>();
        String content = message.path("content").asText("");
        if (content.codePointCount(0, content.length()) > 2_000) {
            out.add("content of " + content.length() + " characters (at most 2000)");
        }
        JsonNode rows = message.path("components");
        if (rows.size() > 5) {
            out.add(rows.size() + " action rows (at most 5)");
        }
        for (JsonNode row : rows) {
            if (row.path("type").asInt() != 1) {
                out.add(
                        "top-level component of type "
                                + row.path("type")
                                + " (expected action rows)");
                continue;
            }
            if (row.path("components").size() > 5 || row.path("components").isEmpty()) {
                out.add("action row with " + row.path("components").size() + " buttons (1 to 5)");
            }
            for (JsonNode button : row.path("components")) {
                String id = button.path("custom_id").asText("");
                String label = button.path("label").asText("");
                if (button.path("style").asInt() != 5 && (id.isEmpty() || id.length() > 100)) {
                    out.add("custom_id of " + id.length() + " characters (1 to 100)");
                }
                if (label.isEmpty() || label.length() > 80) {
                    out.add("button label of " + label.length() + " characters (1 to 80)");
                }
            }
        }
        return out;
    }
}
