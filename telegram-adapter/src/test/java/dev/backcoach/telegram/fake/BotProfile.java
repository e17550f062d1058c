package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the bot set about itself: its commands per scope and language, its description and short
 * description per language. Guarded by the fake's lock.
 */
final class BotProfile {

    private final Map<String, JsonNode> commands = new HashMap<>();

    /** setMyDescription and setMyShortDescription by method and language code ("" for none). */
    private final Map<String, String> descriptions = new HashMap<>();

    ApiReply setMyCommands(Map<String, JsonNode> p) {
        commands.put(
                commandKey(p.get("scope"), ParamValues.textOrNull(p.get("language_code"))),
                p.get("commands"));
        return ApiReply.ok(BooleanNode.TRUE);
    }

    ApiReply deleteMyCommands(Map<String, JsonNode> p) {
        commands.remove(commandKey(p.get("scope"), ParamValues.textOrNull(p.get("language_code"))));
        return ApiReply.ok(BooleanNode.TRUE);
    }

    ApiReply getMyCommands(Map<String, JsonNode> p) {
        JsonNode list =
                commands.get(
                        commandKey(p.get("scope"), ParamValues.textOrNull(p.get("language_code"))));
        return ApiReply.ok(list == null ? JsonNodeFactory.instance.arrayNode() : list);
    }

    /** setMyDescription or setMyShortDescription ({@code name}). */
    ApiReply setDescription(String name, Map<String, JsonNode> p) {
        String field = name.equals("setMyDescription") ? "description" : "short_description";
        String language = ParamValues.textOrNull(p.get("language_code"));
        descriptions.put(
                name + ":" + (language == null ? "" : language),
                p.containsKey(field) ? p.get(field).asText() : "");
        return ApiReply.ok(BooleanNode.TRUE);
    }

    @Nullable String description(String method, String languageCode) {
        return descriptions.get(method + ":" + languageCode);
    }

    /** The commands for the default scope and {@code languageCode} (null: none). */
    Map<String, String> commands(@Nullable String languageCode) {
        Map<String, String> result = new LinkedHashMap<>();
        JsonNode list = commands.get(commandKey(null, languageCode));
        if (list != null) {
            list.forEach(
                    c -> result.put(c.path("command").asText(), c.path("description").asText()));
        }
        return result;
    }

    private static String commandKey(JsonNode scope, String language) {
        String s =
                scope == null || scope.isNull()
                        ? "default"
                        : scope.path("type").asText("default")
                                + (scope.has("chat_id") ? ":" + scope.get("chat_id").asText() : "")
                                + (scope.has("user_id") ? ":" + scope.get("user_id").asText() : "");
        return s + "|" + (language == null ? "" : language);
    }
}
