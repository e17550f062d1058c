package dev.backcoach.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every language's catalog, English first. Each translation is checked against English when it is
 * read: a missing or extra key, a placeholder that differs, or a text over a platform limit is an
 * error that lists every problem (and a test runs the same check on every catalog in the build).
 *
 * <p>{@link #load} reads English at once and each translation when it is first needed, or when
 * {@link #prepareAll} is called (the app does so on a background thread once it serves), which also
 * checks English: half a megabyte of JSON parsed and checked before the JIT has warmed up was a
 * large share of start-up, and most users never need more than one language. The catalogs ship
 * inside the jar, and the build checks every one of them (TranslationsTest), so a check that fails
 * here means a jar that was altered after it was built.
 */
public final class Catalogs {
    private final Catalog english;

    /** English, once checked. */
    private final Lazy<Catalog> englishChecked;

    /** Other languages, in {@link Languages#KNOWN} order. */
    private final Map<String, Lazy<Catalog>> translations;

    private Catalogs(
            Catalog english,
            Lazy<Catalog> englishChecked,
            Map<String, Lazy<Catalog>> translations) {
        this.english = english;
        this.englishChecked = englishChecked;
        this.translations = translations;
    }

    /** English alone: for tests and tools that need no other language. */
    public static Catalogs of(Catalog english) {
        return new Catalogs(english, Lazy.of("English", english), Map.of());
    }

    /** Explicit catalogs by language code; English must be among them. */
    public static Catalogs of(Map<String, Catalog> byLanguage) {
        Catalog english = byLanguage.get(Languages.ENGLISH);
        if (english == null) {
            throw new IllegalArgumentException("the English catalog is required");
        }
        Map<String, Lazy<Catalog>> others = new LinkedHashMap<>();
        for (String code : Languages.KNOWN) {
            Catalog catalog = byLanguage.get(code);
            if (catalog != null && !code.equals(Languages.ENGLISH)) {
                others.put(code, Lazy.of(code + " catalog", catalog));
            }
        }
        return new Catalogs(english, Lazy.of("English", english), others);
    }

    /**
     * Every catalog of {@link Languages#KNOWN} present on the classpath: English read and validated
     * now, the others when first needed.
     */
    public static Catalogs load() {
        Catalog english = CatalogLoader.read(Languages.ENGLISH);
        Lazy<Catalog> checked =
                new Lazy<>(
                        "the English catalog",
                        () -> {
                            CatalogLoader.check(Languages.ENGLISH, english);
                            return english;
                        });
        // What each translation is compared with, read once for all of them.
        Lazy<JsonNode> englishTree =
                new Lazy<>(
                        "the English catalog",
                        () -> CatalogLoader.tree(Languages.ENGLISH).orElseThrow());
        Map<String, Lazy<Catalog>> others = new LinkedHashMap<>();
        for (String code : Languages.KNOWN) {
            if (!code.equals(Languages.ENGLISH) && CatalogLoader.exists(code)) {
                others.put(
                        code,
                        new Lazy<>(
                                "the " + code + " catalog",
                                () -> translation(code, englishTree.get())));
            }
        }
        return new Catalogs(english, checked, others);
    }

    private static Catalog translation(String code, JsonNode englishTree) {
        JsonNode tree = CatalogLoader.tree(code).orElseThrow();
        List<String> problems =
                new ArrayList<>(CatalogComparison.problems(englishTree, tree, code));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "translated catalog differs from English:\n  " + String.join("\n  ", problems));
        }
        return CatalogLoader.fromTree(code, tree);
    }

    /**
     * Checks English and reads every translation not read yet.
     *
     * @throws IllegalStateException naming the first catalog that is invalid, and why
     */
    public void prepareAll() {
        englishChecked.get();
        translations.values().forEach(Lazy::get);
    }

    public Catalog english() {
        return english;
    }

    /** The catalog for {@code code} (read now if it was not yet); English when there is none. */
    public Catalog get(String code) {
        Lazy<Catalog> translation = translations.get(code);
        return translation == null ? english : translation.get();
    }

    public boolean has(String code) {
        return code.equals(Languages.ENGLISH) || translations.containsKey(code);
    }

    /** The languages spoken, in {@link Languages#KNOWN} order. */
    public List<String> languages() {
        return Languages.KNOWN.stream().filter(this::has).toList();
    }

    /**
     * The language to speak for a platform's tag: its primary language when there is a catalog for
     * it ("es-419" → "es"), English otherwise ("pt-br", "", "xx").
     */
    public String resolve(String tag) {
        String primary = Languages.primary(tag);
        return has(primary) ? primary : Languages.ENGLISH;
    }
}
