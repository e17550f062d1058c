package dev.backcoach.core.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times written in a text ("30–60 seconds", "about 2 minutes", "5 minutes in all"), so the
 * validator can hold them against the timers: one place, the steps' seconds, decides every time.
 */
final class Durations {
    private static final Pattern MENTION =
            Pattern.compile(
                    "(\\d{1,4})(?:\\s*[–-]\\s*(\\d{1,4}))?[\\s-]*(seconds?|secs?|minutes?|mins?)\\b(\\s+in (?:all|total))?");

    /**
     * A written time, in seconds; {@code inAll} when it speaks of a whole technique ("5 minutes in
     * all").
     */
    record Mention(int low, int high, boolean inAll) {
        boolean contains(int seconds) {
            return seconds >= low && seconds <= high;
        }

        @Override
        public String toString() {
            return low == high ? low + " s" : low + "–" + high + " s";
        }
    }

    private Durations() {}

    static List<Mention> in(String text) {
        List<Mention> found = new ArrayList<>();
        Matcher m = MENTION.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (text.substring(0, m.start()).toLowerCase(Locale.ROOT).endsWith("every ")) {
                continue; // a pace ("an inch every 5–10 seconds"), not how long something lasts
            }
            int unit = m.group(3).startsWith("min") ? 60 : 1;
            int low = Integer.parseInt(m.group(1)) * unit;
            int high = m.group(2) == null ? low : Integer.parseInt(m.group(2)) * unit;
            found.add(new Mention(low, high, m.group(4) != null));
        }
        return found;
    }
}
