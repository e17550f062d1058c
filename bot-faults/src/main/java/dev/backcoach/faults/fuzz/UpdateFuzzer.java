package dev.backcoach.faults.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Telegram updates built from the Bot API's machine-readable description (the same file the fake
 * checks against): each update carries one of the spec's update kinds, in turn, filled with values
 * of the declared types, then bent: optional fields left out, now and then a wrong type, a huge
 * string, an unknown field, a negative or 64-bit id, forged button data, media without text. Half
 * of the messages and button presses are shaped like a private chat's, so they reach the
 * conversation rather than stopping at the first missing field. Seeded: the same seed, the same
 * updates.
 */
public final class UpdateFuzzer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;
    private final JsonNode types;
    private final List<String> kinds = new ArrayList<>();
    private final Random random;
    private int next;

    public UpdateFuzzer(long seed) {
        this.random = new Random(seed);
        try (InputStream in =
                UpdateFuzzer.class.getResourceAsStream("/specs/telegram-bot-api.json")) {
            if (in == null) {
                throw new IllegalStateException("the Bot API description is not on the classpath");
            }
            this.types = new ObjectMapper().readTree(in).path("types");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode field : types.path("Update").path("fields")) {
            if (!field.path("required").asBoolean()) {
                kinds.add(field.path("name").asText());
            }
        }
    }

    /** How many update kinds the spec lists (each is used in turn). */
    public int kinds() {
        return kinds.size();
    }

    /** The next update; with {@code withId} false it has no update_id (the fake assigns one). */
    public ObjectNode next(boolean withId) {
        ObjectNode update = NODES.objectNode();
        if (withId) {
            update.set(
                    "update_id",
                    random.nextInt(50) == 0
                            ? FuzzValues.odd(random)
                            : NODES.numberNode(1 + random.nextInt(Integer.MAX_VALUE - 1)));
        }
        String kind = kinds.get(next++ % kinds.size());
        boolean shaped = random.nextBoolean();
        if (shaped && (kind.equals("message") || kind.equals("edited_message"))) {
            update.set(kind, privateMessage());
        } else if (shaped && kind.equals("callback_query")) {
            update.set(kind, press());
        } else {
            String type =
                    types.path("Update").path("fields").findParents("name").stream()
                            .filter(f -> f.path("name").asText().equals(kind))
                            .findFirst()
                            .orElseThrow()
                            .path("types")
                            .get(0)
                            .asText();
            update.set(kind, value(type, 0));
        }
        if (random.nextInt(10) == 0) {
            update.set("x_unknown_" + random.nextInt(100), value("String", 0));
        }
        if (random.nextInt(50) == 0) {
            String other = kinds.get(random.nextInt(kinds.size())); // two kinds at once
            update.set(other, value(typeOfUpdateField(other), 0));
        }
        return update;
    }

    private String typeOfUpdateField(String name) {
        for (JsonNode f : types.path("Update").path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f.path("types").get(0).asText();
            }
        }
        return "String";
    }

    private ObjectNode privateMessage() {
        long user = FuzzValues.userId(random);
        ObjectNode message = object("Message", MAX_DEPTH - 1);
        message.put("message_id", random.nextInt(1_000_000));
        message.put("date", 1_700_000_000 + random.nextInt(100_000_000));
        message.set("from", user(user));
        ObjectNode chat = message.putObject("chat");
        chat.put("id", random.nextInt(10) == 0 ? -user : user);
        chat.put("type", random.nextInt(10) == 0 ? "group" : "private");
        if (random.nextInt(5) != 0) {
            String text =
                    random.nextInt(20) == 0 ? FuzzValues.huge(random) : FuzzValues.text(random);
            message.put("text", text);
            if (text.startsWith("/") && random.nextBoolean()) {
                message.putArray("entities")
                        .addObject()
                        .put("type", "bot_command")
                        .put("offset", random.nextInt(3) - 1)
                        .put("length", random.nextInt(60) - 5);
            }
        } else {
            message.remove("text"); // media without text
            message.putArray("photo")
                    .addObject()
                    .put("file_id", "f")
                    .put("file_unique_id", "u")
                    .put("width", 1)
                    .put("height", 1);
        }
        return message;
    }

    private ObjectNode press() {
        long user = FuzzValues.userId(random);
        ObjectNode query = NODES.objectNode();
        query.put("id", Long.toString(random.nextLong()));
        query.set("from", user(user));
        query.put("chat_instance", "ci");
        if (random.nextInt(10) != 0) {
            ObjectNode message = query.putObject("message");
            message.put("message_id", random.nextInt(100) - 5);
            message.put("date", random.nextInt(10) == 0 ? 0 : 1_700_000_000);
            message.putObject("chat").put("id", user).put("type", "private");
        }
        if (random.nextInt(10) != 0) {
            query.put(
                    "data",
                    random.nextInt(10) == 0 ? FuzzValues.huge(random) : FuzzValues.forged(random));
        }
        return query;
    }

    private ObjectNode user(long id) {
        ObjectNode user = NODES.objectNode();
        user.put("id", id);
        user.put("is_bot", random.nextInt(20) == 0);
        user.put("first_name", random.nextInt(20) == 0 ? FuzzValues.huge(random) : "Fuzz");
        if (random.nextInt(5) == 0) {
            user.put("language_code", random.nextBoolean() ? "xx" : "");
        }
        return user;
    }

    private JsonNode value(String type, int depth) {
        if (random.nextInt(300) == 0) {
            return FuzzValues.wrong(random);
        }
        if (type.startsWith("Array of ")) {
            ArrayNode array = NODES.arrayNode();
            int n = depth >= MAX_DEPTH ? 0 : random.nextInt(3);
            for (int i = 0; i < n; i++) {
                array.add(value(type.substring("Array of ".length()), depth + 1));
            }
            return array;
        }
        switch (type) {
            case "Integer":
                return random.nextInt(10) == 0
                        ? FuzzValues.odd(random)
                        : NODES.numberNode(random.nextInt(100_000));
            case "Float":
                return NODES.numberNode(random.nextDouble() * 1000 - 500);
            case "Boolean":
                return NODES.booleanNode(random.nextBoolean());
            case "True":
                return NODES.booleanNode(true);
            case "String":
                return NODES.textNode(
                        random.nextInt(30) == 0
                                ? FuzzValues.huge(random)
                                : FuzzValues.text(random));
            default:
                break;
        }
        JsonNode spec = types.path(type);
        if (spec.has("subtypes")) {
            JsonNode subtypes = spec.path("subtypes");
            return value(subtypes.get(random.nextInt(subtypes.size())).asText(), depth);
        }
        return object(type, depth);
    }

    /** An object of {@code type}: required fields (mostly), optional ones now and then. */
    private ObjectNode object(String type, int depth) {
        JsonNode spec = types.path(type);
        ObjectNode object = NODES.objectNode();
        for (JsonNode field : spec.path("fields")) {
            boolean required = field.path("required").asBoolean();
            boolean include =
                    required
                            ? random.nextInt(30) != 0
                            : depth < MAX_DEPTH && random.nextInt(6 + 8 * depth) == 0;
            if (include) {
                JsonNode options = field.path("types");
                object.set(
                        field.path("name").asText(),
                        value(options.get(random.nextInt(options.size())).asText(), depth + 1));
            }
        }
        return object;
    }
}
