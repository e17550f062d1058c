package dev.backcoach.core.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What follows {@code /progress}: nothing, "week", a score such as "4" or "4/10", or anything. */
sealed interface ProgressArgument {
    record None() implements ProgressArgument {}

    record Week() implements ProgressArgument {}

    record Score(int value) implements ProgressArgument {}

    record Unreadable() implements ProgressArgument {}

    /** "4", "4/10", "4 / 10", "4 of 10", "4 out of 10". */
    Pattern SCORE = Pattern.compile("(\\d{1,2})\\s*(?:(?:/|of|out of)\\s*10)?\\s*\\.?");

    static ProgressArgument parse(String argument) {
        String text = argument.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return new None();
        }
        if (text.equals("week") || text.equals("weekly") || text.equals("this week")) {
            return new Week();
        }
        Matcher m = SCORE.matcher(text);
        if (m.matches()) {
            int value = Integer.parseInt(m.group(1));
            return value <= 10 ? new Score(value) : new Unreadable();
        }
        return new Unreadable();
    }
}
