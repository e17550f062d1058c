package dev.backcoach.core.content;

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
        String resource = resource(locale);
        JsonNode tree =
                tree(locale)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "content catalog not found on the classpath: "
                                                        + resource));
        return fromTree(locale, tree);
    }

    /** The catalog for {@code locale} from its JSON, already read; validated as {@link #load}. */
    static Catalog fromTree(String locale, JsonNode tree) {
        String resource = resource(locale);
        try {
            Catalog catalog = JSON.treeToValue(tree, Catalog.class);
            List<String> problems =
                    CatalogValidator.problems(catalog, locale.equals(Languages.ENGLISH));
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "content catalog "
                                + resource
                                + " is invalid:\n  "
                                + String.join("\n  ", problems));
            }
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException("content catalog " + resource + " cannot be read", e);
        }
    }

    /** The catalog's JSON as written, for comparing a translation with English; empty if absent. */
    public static Optional<JsonNode> tree(String locale) {
        String resource = resource(locale);
        try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("content catalog " + resource + " cannot be read", e);
        }
    }

    /** Whether there is a catalog for {@code locale} on the classpath (nothing is read). */
    static boolean exists(String locale) {
        return CatalogLoader.class.getResource(resource(locale)) != null;
    }

    private static String resource(String locale) {
        return "/content/" + locale + ".json";
    }
}
