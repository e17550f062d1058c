package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official Telegram Bot API description, read once per JVM from the test classpath ({@code
 * src/test/resources/specs/telegram-bot-api.json}, MIT licence beside it), so a clone builds on its
 * own. The system property {@code backcoach.telegramSpec} may name another file (a newer spec,
 * say). A missing spec is an error, never a silent skip.
 */
final class BotApiSpec {

    static final String RESOURCE = "/specs/telegram-bot-api.json";
    static final String PROPERTY = "backcoach.telegramSpec";

    /** One parameter of a method, or one field of a type. */
    record Field(
            String name,
            List<String> types,
            boolean required,
            String description,
            String constant) {

        /**
         * The value a discriminator field ({@code type}, {@code status}, {@code source}) must have,
         * if any.
         */
        Optional<String> constantValue() {
            return Optional.ofNullable(constant);
        }
    }

    /**
     * A method ({@code sendMessage}) or a type ({@code InlineKeyboardButton}); types may be unions
     * of subtypes.
     */
    record Definition(
            String name, Map<String, Field> fields, List<String> subtypes, List<String> returns) {

        boolean isUnion() {
            return fields.isEmpty() && !subtypes.isEmpty();
        }
    }

    private static final Pattern CONSTANT =
            Pattern.compile("(?:always|must be)\\s+[\"\u201c]?([a-z0-9_]+)[\"\u201d]?\\s*$");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile BotApiSpec instance;

    private final String source;
    private final String version;
    private final Map<String, Definition> methodsByLowerName;
    private final Map<String, Definition> types;

    private BotApiSpec(String source, JsonNode root) {
        this.source = source;
        this.version = root.path("version").asText("?");
        Map<String, Definition> methods = new LinkedHashMap<>();
        root.path("methods")
                .properties()
                .forEach(
                        e -> {
                            Definition d = definition(e.getKey(), e.getValue());
                            methods.put(d.name().toLowerCase(Locale.ROOT), d);
                        });
        Map<String, Definition> typeMap = new LinkedHashMap<>();
        root.path("types")
                .properties()
                .forEach(e -> typeMap.put(e.getKey(), definition(e.getKey(), e.getValue())));
        if (methods.isEmpty() || typeMap.isEmpty()) {
            throw new IllegalStateException(
                    "Telegram Bot API spec " + source + " has no methods or no types");
        }
        this.methodsByLowerName = Collections.unmodifiableMap(methods);
        this.types = Collections.unmodifiableMap(typeMap);
    }

    /** The spec, located and parsed on first use. */
    static BotApiSpec get() {
        BotApiSpec s = instance;
        if (s == null) {
            synchronized (BotApiSpec.class) {
                s = instance;
                if (s == null) {
                    s = read();
                    instance = s;
                }
            }
        }
        return s;
    }

    /** Reads the spec named by the system property, or else the copy on the test classpath. */
    private static BotApiSpec read() {
        String explicit = System.getProperty(PROPERTY);
        try {
            if (explicit != null && !explicit.isBlank()) {
                Path p = Path.of(explicit).toAbsolutePath();
                if (!Files.isRegularFile(p)) {
                    throw new IllegalStateException(
                            "-D" + PROPERTY + "=" + explicit + " is not a file");
                }
                return new BotApiSpec(p.toString(), JSON.readTree(p.toFile()));
            }
            try (InputStream in = BotApiSpec.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "Telegram Bot API spec " + RESOURCE + " is not on the test classpath");
                }
                return new BotApiSpec(RESOURCE, JSON.readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Telegram Bot API spec", e);
        }
    }

    /**
     * Where the spec was read from: the classpath resource or the file named by the system
     * property.
     */
    String source() {
        return source;
    }

    String version() {
        return version;
    }

    /** The method whose name equals {@code name} ignoring case, as Telegram routes them. */
    Optional<Definition> method(String name) {
        return Optional.ofNullable(methodsByLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    Optional<Definition> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    boolean isType(String name) {
        return types.containsKey(name);
    }

    private static Definition definition(String name, JsonNode node) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (JsonNode f : node.path("fields")) {
            List<String> fieldTypes = new ArrayList<>();
            f.path("types").forEach(t -> fieldTypes.add(t.asText()));
            String fieldName = f.path("name").asText();
            String description = f.path("description").asText("");
            String constant = null;
            if (fieldName.equals("type")
                    || fieldName.equals("status")
                    || fieldName.equals("source")) {
                Matcher m = CONSTANT.matcher(description);
                if (m.find() && node.has("subtype_of")) {
                    constant = m.group(1);
                }
            }
            fields.put(
                    fieldName,
                    new Field(
                            fieldName,
                            List.copyOf(fieldTypes),
                            f.path("required").asBoolean(false),
                            description,
                            constant));
        }
        List<String> subtypes = new ArrayList<>();
        node.path("subtypes").forEach(t -> subtypes.add(t.asText()));
        List<String> returns = new ArrayList<>();
        node.path("returns").forEach(t -> returns.add(t.asText()));
        return new Definition(
                node.path("name").asText(name),
                Collections.unmodifiableMap(fields),
                List.copyOf(subtypes),
                List.copyOf(returns));
    }
}
