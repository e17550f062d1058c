package dev.backcoach.core.engine;

import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.progress.ProgressHistory;
import dev.backcoach.core.progress.ProgressLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * /progress in words and as a chart, and the weekly summary, from what the store keeps. Every
 * number on the chart is also said in words, so the text works alone (screen readers, captions).
 * Days are the user's own (see {@link Ratings#zone}); ratings logged under another zone keep the
 * day they were given.
 */
final class ProgressReport {
    /** The chart covers four weeks, today included. */
    static final int DAYS_SHOWN = 28;

    /** A change this big is the kind that means something (about 2 points on a 0–10 scale). */
    static final int MEANINGFUL_CHANGE = 2;

    private final Texts texts;

    ProgressReport(Texts texts) {
        this.texts = texts;
    }

    /** The first day the store needs to read for a report at {@code now}. */
    static LocalDate since(Session s, Instant now) {
        return LocalDate.ofInstant(now, Ratings.zone(s)).minusDays(DAYS_SHOWN - 1);
    }

    Reply report(Session s, ProgressLog log, Instant now, boolean week, String lead) {
        ZoneId zone = Ratings.zone(s);
        LocalDate today = LocalDate.ofInstant(now, zone);
        String body = week ? weekly(s, log, today) : fourWeeks(s, log, today);
        String text = lead.isEmpty() ? body : lead + "\n\n" + body;
        SortedMap<LocalDate, Integer> ratings = window(log.ratings(), today);
        if (week || ratings.size() < 2) {
            return Reply.text(text);
        }
        LocalDate from = today.minusDays(DAYS_SHOWN - 1);
        ProgressHistory chart =
                new ProgressHistory(
                        zone,
                        today,
                        ratings,
                        window(log.sessions(), today),
                        log.reminderDays().subSet(from, today.plusDays(1)),
                        new ProgressHistory.Labels(
                                texts.get("chart.title"),
                                texts.get("chart.stiffness"),
                                texts.get("chart.sessions"),
                                texts.get("chart.reminder"),
                                texts.locale().toLanguageTag()));
        return new Reply(text, List.of(), false, null, false, false, chart);
    }

    private String fourWeeks(Session s, ProgressLog log, LocalDate today) {
        SortedMap<LocalDate, Integer> ratings = window(log.ratings(), today);
        int sessions = sum(window(log.sessions(), today));
        List<String> parts = new ArrayList<>();
        List<Map.Entry<LocalDate, Integer>> rated = new ArrayList<>(ratings.entrySet());
        if (rated.size() < 2) {
            String soFar =
                    rated.isEmpty()
                            ? ""
                            : texts.get(
                                    "progress.so_far",
                                    "score",
                                    rated.get(0).getValue(),
                                    "date",
                                    texts.date(rated.get(0).getKey()));
            parts.add(texts.get("progress.few", "so_far", soFar));
        } else {
            LocalDate first = rated.get(0).getKey();
            LocalDate last = rated.get(rated.size() - 1).getKey();
            int from = rated.get(0).getValue();
            int to = rated.get(rated.size() - 1).getValue();
            parts.add(
                    texts.get(
                            from == to ? "progress.summary_same" : "progress.summary",
                            "first",
                            from,
                            "last",
                            to,
                            "days",
                            count(ChronoUnit.DAYS.between(first, last), "progress.days"),
                            "from",
                            texts.date(first),
                            "to",
                            texts.date(last),
                            "sessions",
                            count(sessions, "progress.sessions")));
            parts.add(
                    texts.get(
                            to <= from - MEANINGFUL_CHANGE
                                    ? "progress.better"
                                    : to >= from + MEANINGFUL_CHANGE
                                            ? "progress.worse"
                                            : "progress.steady"));
        }
        int streak = Habits.streak(s.habits(), today);
        if (streak >= 2) {
            parts.add(texts.get("progress.streak", "days", streak));
        }
        return String.join("\n", parts);
    }

    private String weekly(Session s, ProgressLog log, LocalDate today) {
        LocalDate weekStart = today.minusDays(6);
        int sessions = sum(range(log.sessions(), weekStart, today));
        String thisWeek = average(range(log.ratings(), weekStart, today));
        String lastWeek = average(range(log.ratings(), today.minusDays(13), today.minusDays(7)));
        List<String> lines = new ArrayList<>();
        lines.add(
                texts.get(
                        "progress.week_title",
                        "from",
                        texts.date(weekStart),
                        "to",
                        texts.date(today)));
        lines.add(
                texts.get(
                        "progress.week_sessions",
                        "sessions",
                        count(sessions, "progress.sessions")));
        lines.add(
                thisWeek.isEmpty()
                        ? texts.get("progress.week_no_ratings")
                        : lastWeek.isEmpty()
                                ? texts.get("progress.week_average_new", "this", thisWeek)
                                : texts.get(
                                        "progress.week_average",
                                        "this",
                                        thisWeek,
                                        "last",
                                        lastWeek));
        int streak = Habits.streak(s.habits(), today);
        if (streak >= 2) {
            lines.add(texts.get("progress.week_streak", "days", streak));
        }
        String cheer =
                sessions >= 3
                        ? "progress.cheer_rhythm"
                        : sessions > 0 ? "progress.cheer_some" : "progress.cheer_fresh";
        return String.join("\n", lines) + "\n\n" + texts.get(cheer);
    }

    /** "1 session", "9 sessions": an ICU plural, so each language has its own forms. */
    private String count(long n, String key) {
        return texts.get(key, "count", n);
    }

    private static SortedMap<LocalDate, Integer> window(
            SortedMap<LocalDate, Integer> days, LocalDate today) {
        return range(days, today.minusDays(DAYS_SHOWN - 1), today);
    }

    private static SortedMap<LocalDate, Integer> range(
            SortedMap<LocalDate, Integer> days, LocalDate from, LocalDate to) {
        return days.subMap(from, to.plusDays(1));
    }

    private static int sum(SortedMap<LocalDate, Integer> days) {
        return days.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "4.3", or empty without ratings. */
    private static String average(Map<LocalDate, Integer> ratings) {
        if (ratings.isEmpty()) {
            return "";
        }
        double mean = ratings.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        return String.format(Locale.ROOT, "%.1f", mean);
    }
}
