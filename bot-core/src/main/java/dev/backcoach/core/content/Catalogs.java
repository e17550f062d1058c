package dev.backcoach.core.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every language's catalog, English first. Each translation is checked against English at load: a
 * missing or extra key, a placeholder that differs, or a text over a platform limit stops start-up
 * with every problem listed.
 */
public final class Catalogs {
    private final Map<String, Catalog> byLanguage;

    private Catalogs(Map<String, Catalog> byLanguage) {
        this.byLanguage = Map.copyOf(byLanguage);
        if (!byLanguage.containsKey(Languages.ENGLISH)) {
            throw new IllegalArgumentException("the English catalog is required");
        }
    }

    /** English alone: for tests and tools that need no other language. */
    public static Catalogs of(Catalog english) {
        return new Catalogs(Map.of(Languages.ENGLISH, english));
    }

    /** Explicit catalogs by language code; English must be among them. */
    public static Catalogs of(Map<String, Catalog> byLanguage) {
        return new Catalogs(byLanguage);
    }

    /** Every catalog of {@link Languages#KNOWN} present on the classpath, validated. */
    public static Catalogs load() {
        Map<String, Catalog> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        var english = CatalogLoader.tree(Languages.ENGLISH).orElseThrow();
        for (String code : Languages.KNOWN) {
            var tree = CatalogLoader.tree(code);
            if (tree.isEmpty()) {
                continue;
            }
            if (!code.equals(Languages.ENGLISH)) {
                CatalogComparison.problems(english, tree.get(), code).forEach(problems::add);
            }
            found.put(code, CatalogLoader.load(code));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "translated catalogs differ from English:\n  " + String.join("\n  ", problems));
        }
        return new Catalogs(found);
    }

    public Catalog english() {
        return java.util.Objects.requireNonNull(byLanguage.get(Languages.ENGLISH));
    }

    /** The catalog for {@code code}; English when there is none. */
    public Catalog get(String code) {
        return byLanguage.getOrDefault(code, english());
    }

    public boolean has(String code) {
        return byLanguage.containsKey(code);
    }

    /** The languages spoken, in {@link Languages#KNOWN} order. */
    public List<String> languages() {
        return Languages.KNOWN.stream().filter(byLanguage::containsKey).toList();
    }

    /**
     * The language to speak for a platform's tag: its primary language when there is a catalog for
     * it ("es-419" → "es"), English otherwise ("pt-br", "", "xx").
     */
    public String resolve(String tag) {
        String primary = Languages.primary(tag);
        return byLanguage.containsKey(primary) ? primary : Languages.ENGLISH;
    }
}
