package dev.backcoach.core.content;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads and validates {@code content/<locale>.json} from the classpath. */
public final class CatalogLoader {
    private CatalogLoader() {}

    /**
     * The catalog for {@code locale}; fails start-up with every problem listed if it is invalid.
     */
    public static Catalog load(String locale) {
        String resource = "/content/" + locale + ".json";
        try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "content catalog not found on the classpath: " + resource);
            }
            Catalog catalog =
                    new ObjectMapper()
                            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                            .readValue(in, Catalog.class);
            List<String> problems = CatalogValidator.problems(catalog);
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
}
