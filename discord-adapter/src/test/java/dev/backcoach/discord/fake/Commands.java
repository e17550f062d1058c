package dev.backcoach.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application's commands as the bot last registered them: a PUT replaces them all, and injected
 * slash commands and autocomplete take their ids and option types from here.
 */
final class Commands {
    private final Map<String, ObjectNode> byName = new LinkedHashMap<>();
    private final Snowflakes ids;
    private final long applicationId;

    Commands(Snowflakes ids, long applicationId) {
        this.ids = ids;
        this.applicationId = applicationId;
    }

    /** Replaces the registered commands with {@code list}, as Discord stores them. */
    synchronized ArrayNode put(JsonNode list) {
        byName.clear();
        for (JsonNode command : list) {
            ObjectNode stored = command.deepCopy();
            stored.put("id", Long.toString(ids.next()));
            stored.put("application_id", Long.toString(applicationId));
            stored.put("version", Long.toString(ids.next()));
            stored.put("type", command.path("type").asInt(1));
            if (!stored.has("nsfw")) {
                stored.put("nsfw", false);
            }
            byName.put(command.path("name").asText(), stored);
        }
        return list();
    }

    synchronized ArrayNode list() {
        ArrayNode array = Payloads.JSON.createArrayNode();
        byName.values().forEach(array::add);
        return array;
    }

    synchronized Map<String, JsonNode> copy() {
        return Map.copyOf(byName);
    }

    /** The id of command {@code name}; 0 when not registered. */
    synchronized long id(String name) {
        ObjectNode command = byName.get(name);
        return command == null ? 0 : command.path("id").asLong();
    }

    /** The registered type of a command's option; 3 (string) when not registered. */
    synchronized int optionType(String command, String option) {
        ObjectNode registered = byName.get(command);
        if (registered != null) {
            for (JsonNode o : registered.path("options")) {
                if (o.path("name").asText().equals(option)) {
                    return o.path("type").asInt(3);
                }
            }
        }
        return 3;
    }
}
