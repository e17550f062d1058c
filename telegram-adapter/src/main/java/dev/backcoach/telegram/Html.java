package dev.backcoach.telegram;

import java.util.ArrayList;
import java.util.List;

/** Plain catalog text to Telegram HTML, and long texts into messages Telegram accepts. */
final class Html {
    /** Telegram's limit on a message, counted after entity parsing. */
    static final int MAX_MESSAGE = 4_096;

    /** Telegram's limit on a file's caption. */
    static final int MAX_CAPTION = 1_024;

    private Html() {}

    /**
     * Only these three characters are special in Telegram's HTML mode. Most catalog texts have
     * none, and come back as they are, without a copy.
     */
    static String escape(String text) {
        int next = firstSpecial(text, 0);
        if (next < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int from = 0;
        while (next >= 0) {
            out.append(text, from, next).append(entity(text.charAt(next)));
            from = next + 1;
            next = firstSpecial(text, from);
        }
        return out.append(text, from, text.length()).toString();
    }

    private static int firstSpecial(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '&' || c == '<' || c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static String entity(char special) {
        return switch (special) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            default -> "&gt;";
        };
    }

    /**
     * Splits plain text into parts of at most {@code max} characters, preferring a paragraph break,
     * then a line break, then a space; escaping happens after, so the limit holds for what Telegram
     * counts (the text after entities are parsed).
     */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = lastBreak(rest, max, "\n\n");
            if (cut <= 0) {
                cut = lastBreak(rest, max, "\n");
            }
            if (cut <= 0) {
                cut = lastBreak(rest, max, " ");
            }
            if (cut <= 0 || Character.isLowSurrogate(rest.charAt(cut))) {
                cut = Character.isLowSurrogate(rest.charAt(max)) ? max - 1 : max;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isBlank()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int lastBreak(String text, int max, String separator) {
        return text.lastIndexOf(separator, max - separator.length());
    }
}
