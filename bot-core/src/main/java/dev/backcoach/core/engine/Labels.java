package dev.backcoach.core.engine;

import java.util.Locale;

/** Loose matching of typed words against button labels and ids ("next" matches "Next ▶"). */
final class Labels {
    private Labels() {}

    /** Lower case letters, digits and single spaces only; underscores count as spaces. */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space && (Character.isWhitespace(c) || c == '_' || c == '-')) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip().toLowerCase(Locale.ROOT);
    }

    /** True when the typed text equals the label, or is its first word(s). */
    static boolean matches(String typed, String label) {
        String t = normalize(typed);
        String l = normalize(label);
        return !t.isEmpty() && (l.equals(t) || l.startsWith(t + " "));
    }

    /** For echoing user input back safely: at most 40 characters. */
    static String shorten(String typed) {
        String oneLine = typed.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 39) + "…";
    }
}
