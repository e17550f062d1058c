package dev.backcoach.core.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Reads and validates {@code content/<locale>.json} from the classpath. */
public final class CatalogLoader {
    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CatalogLoader() {}

    /**
     * The catalog for {@code locale}; fails start-up with every problem listed if it is invalid.
     */
    public static Catalog load(String locale) {
        Catalog catalog = read(locale);
        check(locale, catalog);
        return catalog;
    }

    /** The catalog for {@code locale} from its JSON, already read; validated as {@link #load}. */
    static Catalog fromTree(String locale, JsonNode tree) {
        String resource = resource(locale);
        try {
            Catalog catalog = JSON.treeToValue(tree, Catalog.class);
            check(locale, catalog);
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException("content catalog " + resource + " cannot be read", e);
        }
    }

    /**
     * The catalog for {@code locale} as written, not validated yet (see {@link #check}): start-up
     * reads English this way, straight into the catalog's records without a tree in between.
     */
    static Catalog read(String locale) {
        return parse(locale, in -> JSON.readValue(in, Catalog.class));
    }

    /**
     * Only the warning-sign rules of {@code locale}'s catalog, as written: the rest of the file is
     * skipped unread. Start-up builds the English detector from these while the whole catalog is
     * still being read.
     */
    public static RedFlagRules readRedFlags(String locale) {
        return parse(
                locale,
                in -> {
                    try (JsonParser json = JSON.createParser(in)) {
                        if (json.nextToken() != JsonToken.START_OBJECT) {
                            throw new IllegalStateException(
                                    resource(locale) + " is not a JSON object");
                        }
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String field = json.currentName();
                            json.nextToken();
                            if ("redflags".equals(field)) {
                                return JSON.readValue(json, RedFlagRules.class);
                            }
                            json.skipChildren();
                        }
                    }
                    throw new IllegalStateException(resource(locale) + " has no redflags");
                });
    }

    /**
     * Checks a catalog read by {@link #read}.
     *
     * @throws IllegalStateException listing every problem
     */
    static void check(String locale, Catalog catalog) {
        List<String> problems =
                CatalogValidator.problems(catalog, locale.equals(Languages.ENGLISH));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "content catalog "
                            + resource(locale)
                            + " is invalid:\n  "
                            + String.join("\n  ", problems));
        }
    }

    /** The catalog's JSON as written, for comparing a translation with English; empty if absent. */
    public static Optional<JsonNode> tree(String locale) {
        return exists(locale) ? Optional.of(parse(locale, JSON::readTree)) : Optional.empty();
    }

    /** Whether there is a catalog for {@code locale} on the classpath (nothing is read). */
    public static boolean exists(String locale) {
        return CatalogLoader.class.getResource(resource(locale)) != null;
    }

    /** How a file is read: into records, a tree, or just one part. */
    private interface Reading<T> {
        T from(InputStream in) throws IOException;
    }

    /** Opens {@code locale}'s catalog and reads it; a missing or unreadable file says which. */
    private static <T> T parse(String locale, Reading<T> reading) {
        String resource = resource(locale);
        try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "content catalog not found on the classpath: " + resource);
            }
            return reading.from(in);
        } catch (IOException e) {
            throw new UncheckedIOException("content catalog " + resource + " cannot be read", e);
        }
    }

    private static String resource(String locale) {
        return "/content/" + locale + ".json";
    }
}
