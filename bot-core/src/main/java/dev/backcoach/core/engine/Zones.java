package dev.backcoach.core.engine;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading the times and time zones people type. Only IANA zones are accepted, never raw offsets.
 */
final class Zones {
    /** Offered when the user tells their local time: familiar cities first. */
    static final List<String> COMMON =
            List.of(
                    "Europe/London",
                    "Europe/Lisbon",
                    "Europe/Berlin",
                    "Europe/Paris",
                    "Europe/Madrid",
                    "Europe/Rome",
                    "Europe/Warsaw",
                    "Europe/Kyiv",
                    "Europe/Athens",
                    "Europe/Helsinki",
                    "Europe/Istanbul",
                    "Europe/Moscow",
                    "Atlantic/Reykjavik",
                    "America/New_York",
                    "America/Toronto",
                    "America/Chicago",
                    "America/Mexico_City",
                    "America/Denver",
                    "America/Phoenix",
                    "America/Los_Angeles",
                    "America/Anchorage",
                    "Pacific/Honolulu",
                    "America/Halifax",
                    "America/St_Johns",
                    "America/Sao_Paulo",
                    "America/Argentina/Buenos_Aires",
                    "America/Bogota",
                    "America/Santiago",
                    "Africa/Lagos",
                    "Africa/Cairo",
                    "Africa/Johannesburg",
                    "Africa/Nairobi",
                    "Asia/Dubai",
                    "Asia/Tehran",
                    "Asia/Karachi",
                    "Asia/Kolkata",
                    "Asia/Kathmandu",
                    "Asia/Dhaka",
                    "Asia/Bangkok",
                    "Asia/Jakarta",
                    "Asia/Singapore",
                    "Asia/Shanghai",
                    "Asia/Manila",
                    "Asia/Tokyo",
                    "Asia/Seoul",
                    "Australia/Perth",
                    "Australia/Adelaide",
                    "Australia/Brisbane",
                    "Australia/Sydney",
                    "Pacific/Auckland");

    static final int MAX_SUGGESTIONS = 4;
    private static final Pattern TIME =
            Pattern.compile("(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");
    private static final Set<String> REGIONS =
            Set.of(
                    "Africa",
                    "America",
                    "Antarctica",
                    "Asia",
                    "Atlantic",
                    "Australia",
                    "Europe",
                    "Indian",
                    "Pacific",
                    "Etc");

    /**
     * Every zone a user may pick: the tz database's regions (no legacy aliases like "US/Eastern").
     */
    private static final Set<String> IDS =
            new TreeSet<>(
                    ZoneId.getAvailableZoneIds().stream()
                            .filter(
                                    id ->
                                            id.equals("UTC")
                                                    || REGIONS.contains(
                                                            id.substring(
                                                                    0,
                                                                    Math.max(0, id.indexOf('/')))))
                            .toList());

    private Zones() {}

    /** "20:30", "8:30 pm", "8pm", "20.30", "20h30", "20". */
    static Optional<LocalTime> parseTime(String typed) {
        Matcher m = TIME.matcher(typed.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (hour < 1 || hour > 12) {
                return Optional.empty();
            }
            hour = hour % 12 + (m.group(3).startsWith("p") ? 12 : 0);
        }
        return hour <= 23 && minute <= 59
                ? Optional.of(LocalTime.of(hour, minute))
                : Optional.empty();
    }

    /**
     * The zone exactly named ("europe/berlin"), else up to four whose city matches ("new york",
     * "york").
     */
    static List<String> lookup(String typed) {
        String wanted = Labels.normalize(typed);
        if (wanted.isEmpty() || typed.length() > 64) {
            return List.of();
        }
        List<String> exact = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (String id : IDS) {
            String city = Labels.normalize(id.substring(id.lastIndexOf('/') + 1));
            if (id.equalsIgnoreCase(typed.strip())
                    || Labels.normalize(id.replace('/', ' ')).equals(wanted)) {
                return List.of(id);
            } else if (city.equals(wanted)) {
                exact.add(id);
            } else if (wanted.length() >= 3 && (" " + city).contains(" " + wanted)) {
                partial.add(id);
            }
        }
        List<String> found = exact.isEmpty() ? partial : exact;
        return found.subList(0, Math.min(MAX_SUGGESTIONS, found.size()));
    }

    static List<String> all() {
        return List.copyOf(IDS);
    }

    /** Zones where it is {@code theirs} at {@code now}, rounded to the quarter hour. */
    static List<String> whereItIs(LocalTime theirs, Instant now) {
        LocalTime utc = LocalTime.ofInstant(now, ZoneOffset.UTC);
        long minutes = Math.floorMod(ChronoUnit.MINUTES.between(utc, theirs), 1440);
        if (minutes > 14 * 60) {
            minutes -= 1440; // west of Greenwich
        }
        long quarter = Math.round(minutes / 15.0) * 15;
        int offset = (int) quarter * 60;
        List<String> found = new ArrayList<>();
        for (String id : COMMON) {
            if (ZoneId.of(id).getRules().getOffset(now).getTotalSeconds() == offset
                    && found.size() < MAX_SUGGESTIONS) {
                found.add(id);
            }
        }
        if (found.isEmpty() && quarter % 60 == 0 && Math.abs(quarter) <= 12 * 60) {
            long hours = quarter / 60;
            // POSIX-style names: Etc/GMT-5 is five hours ahead of UTC.
            found.add(hours == 0 ? "UTC" : "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours));
        }
        return found;
    }
}
