package dev.backcoach.core.engine;

import com.ibm.icu.text.MessageFormat;
import dev.backcoach.core.content.Catalog;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One language's catalog texts with their {@code {name}} placeholders filled in. A text that counts
 * something uses an ICU plural ({@code {days, plural, one {# day} other {# days}}}): ICU knows each
 * language's plural categories (Russian has one, few, many), so no code spells out grammar.
 */
final class Texts {
    private final Catalog catalog;
    private final Locale locale;
    private final DateTimeFormatter date;

    Texts(Catalog catalog, Locale locale) {
        this.catalog = catalog;
        this.locale = locale;
        this.date = DateTimeFormatter.ofPattern("EEE d MMM", locale);
    }

    Catalog catalog() {
        return catalog;
    }

    Locale locale() {
        return locale;
    }

    /**
     * The text under {@code key} with placeholders replaced; {@code pairs} alternates name, value.
     */
    String get(String key, Object... pairs) {
        String text = catalog.text(key);
        if (text.indexOf('{') < 0) {
            return text;
        }
        if (isIcu(text)) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i + 1 < pairs.length; i += 2) {
                values.put(String.valueOf(pairs[i]), pairs[i + 1]);
            }
            return new MessageFormat(text, locale).format(values);
        }
        // Plain {name} placeholders: a replace is all they need, and it costs far less than ICU.
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            text = text.replace("{" + pairs[i] + "}", String.valueOf(pairs[i + 1]));
        }
        return text;
    }

    /** A text with an ICU argument type ({@code {n, plural, ...}}, {@code {n, number}}). */
    static boolean isIcu(String text) {
        return text.contains(", plural,")
                || text.contains(", select,")
                || text.contains(", selectordinal,")
                || text.contains(", number");
    }

    /** "Mon 9 Mar", "lun 9 mar": the one way a date is written to users. */
    String date(LocalDate day) {
        return date.format(day);
    }

    /** "Mon", "lun": a day of the week in a list of chosen days. */
    String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, locale);
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
