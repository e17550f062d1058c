package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.content.Languages;
import dev.backcoach.core.content.Lazy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's voices by language. Building one reads its catalog's red-flag rules into analyzers
 * (synonym maps, stems, a typo corrector): a tenth of a second or more while the JIT is still cold.
 * English is built at once; each other language when a turn first needs it, or ahead of time by
 * {@link #prepareAll} (the app calls it on a background thread once it serves). A turn that needs a
 * voice being built elsewhere waits for it: never a wrong-language answer.
 */
final class Voices {
    private final Voice english;
    private final Map<String, Lazy<Voice>> others = new LinkedHashMap<>();

    Voices(Catalogs catalogs) {
        this.english = build(catalogs, Languages.ENGLISH);
        for (String code : catalogs.languages()) {
            if (!code.equals(Languages.ENGLISH)) {
                others.put(code, new Lazy<>("the " + code + " voice", () -> build(catalogs, code)));
            }
        }
    }

    /** The voice for a language code with a catalog; English for any other. */
    Voice get(String code) {
        Lazy<Voice> voice = others.get(code);
        return voice == null ? english : voice.get();
    }

    /** Builds every voice not built yet, and throws if one cannot be. */
    void prepareAll() {
        others.values().forEach(Lazy::get);
    }

    private static Voice build(Catalogs catalogs, String code) {
        return new Voice(catalogs.get(code), Languages.locale(code));
    }
}
