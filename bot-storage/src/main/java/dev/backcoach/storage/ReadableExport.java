package dev.backcoach.storage;

import dev.backcoach.core.content.Equipment;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The session row of an export in words: the compact forms kept for a small cache (equipment and
 * days as bits, ratings packed into one number, days counted from 1970) are spelled out, so a
 * person can read their own file.
 */
final class ReadableExport {
    private ReadableExport() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> tables) {
        Object sessions = tables.get("user_session");
        if (sessions instanceof List<?> rows) {
            List<Map<String, Object>> readable = new ArrayList<>();
            for (Object row : rows) {
                readable.add(session((Map<String, Object>) row));
            }
            tables.put("user_session", readable);
        }
        return tables;
    }

    private static Map<String, Object> session(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach(
                (column, value) -> {
                    switch (column) {
                        case "equipment" -> out.put("plan", equipment(number(value)));
                        case "ratings" -> out.put("recent_ratings", ratings(number(value)));
                        case "rating_day" ->
                                out.put(
                                        "latest_rating_day",
                                        number(value) == 0
                                                ? null
                                                : LocalDate.ofEpochDay(number(value)).toString());
                        case "nudge_days" ->
                                out.put(
                                        "reminder_days",
                                        value == null ? null : days(number(value)));
                        case "habits" ->
                                out.put(
                                        "habits",
                                        dev.backcoach.core.engine.Engine.habitsInWords(
                                                value instanceof Number n ? n.longValue() : 0));
                        default -> out.put(column, value);
                    }
                });
        return out;
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static List<String> equipment(int bits) {
        List<String> names = new ArrayList<>();
        for (Equipment e : Equipment.values()) {
            if (e.in(bits)) {
                names.add(e.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        return names;
    }

    /** Oldest first, as the session packs them: four bits each, newest lowest, score + 1. */
    private static List<Integer> ratings(int packed) {
        List<Integer> newestFirst = new ArrayList<>();
        for (int rest = packed; rest != 0; rest >>>= 4) {
            newestFirst.add((rest & 0xF) - 1);
        }
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static List<String> days(int bits) {
        List<String> names = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((bits & (1 << (day.getValue() - 1))) != 0) {
                names.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            }
        }
        return names;
    }
}
