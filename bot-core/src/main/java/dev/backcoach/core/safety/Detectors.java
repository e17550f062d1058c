package dev.backcoach.core.safety;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.backcoach.core.content.RedFlagRules;

/**
 * Detectors, built once per set of rules and language. A detector depends on nothing else and never
 * changes, so an engine may share one that was built earlier: start-up builds the English one from
 * the catalog's warning-sign rules while the rest of the catalog is still being read (see {@link
 * dev.backcoach.core.content.CatalogLoader#readRedFlags}), and the engine then finds it here. A
 * caller that finds it being built waits for it.
 */
public final class Detectors {
    /** A few languages, and the odd test's own rules. */
    private static final Cache<Key, RedFlagDetector> BUILT =
            Caffeine.newBuilder().maximumSize(16).build();

    private record Key(RedFlagRules rules, String language) {}

    private Detectors() {}

    /**
     * The detector for these rules, built now unless it was (or is being) built before.
     *
     * @throws IllegalArgumentException listing every rule that cannot be read
     */
    public static RedFlagDetector forRules(RedFlagRules rules, String language) {
        return BUILT.get(new Key(rules, language), key -> new RedFlagDetector(rules, language));
    }
}
