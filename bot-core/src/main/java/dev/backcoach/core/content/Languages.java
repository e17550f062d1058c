package dev.backcoach.core.content;

import java.util.List;
import java.util.Locale;

/**
 * The languages the bot may speak, in the order menus list them. A language is spoken when its
 * catalog {@code content/<code>.json} is on the classpath; English is the reference and the
 * fallback. Adding a language: its catalog, its corpus, and its code here (docs/languages.md).
 */
public final class Languages {
    public static final String ENGLISH = "en";

    /** Every language a catalog may exist for; only those present are loaded. */
    public static final List<String> KNOWN = List.of(ENGLISH, "es", "ru");

    private Languages() {}

    /**
     * The primary language of a platform's tag, lower case: "es-419" and "ES" are "es", "pt_BR" is
     * "pt"; an empty or unreadable tag gives "".
     */
    public static String primary(String tag) {
        String t = tag == null ? "" : tag.strip();
        int end = 0;
        while (end < t.length() && end < 8 && isAsciiLetter(t.charAt(end))) {
            end++;
        }
        boolean whole = end == t.length() || t.charAt(end) == '-' || t.charAt(end) == '_';
        return end >= 2 && end <= 3 && whole ? t.substring(0, end).toLowerCase(Locale.ROOT) : "";
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The locale used for dates, day names and plural rules. */
    public static Locale locale(String code) {
        return Locale.forLanguageTag(code);
    }
}
