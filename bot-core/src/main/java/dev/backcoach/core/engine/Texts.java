package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;

/** Catalog texts with {@code {name}} placeholders filled in. */
final class Texts {
    private final Catalog catalog;

    Texts(Catalog catalog) {
        this.catalog = catalog;
    }

    Catalog catalog() {
        return catalog;
    }

    /**
     * The text under {@code key} with placeholders replaced; {@code pairs} alternates name, value.
     */
    String get(String key, Object... pairs) {
        String text = catalog.text(key);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            text = text.replace("{" + pairs[i] + "}", String.valueOf(pairs[i + 1]));
        }
        return text;
    }

    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH);

    /** "Mon 9 Mar": the one way a date is written to users. */
    static String date(java.time.LocalDate date) {
        return DATE.format(date);
    }

    /** "45 s", "2 min", "1 min 30 s". */
    static String duration(int seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        int minutes = seconds / 60;
        int rest = seconds % 60;
        return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
    }
}
