package dev.backcoach.core.engine;

import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Session;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/** The part of /export a person reads: what is kept, in words and dates, before the full file. */
final class ExportSummary {
    /** The newest ratings listed; the file has them all. */
    static final int RATINGS_SHOWN = 14;

    private ExportSummary() {}

    static String of(Texts texts, Session s, SortedMap<LocalDate, Integer> ratings, Nudges nudges) {
        NudgePlan plan = s.nudge();
        String reminder =
                plan == null
                        ? texts.get("export.none")
                        : plan.time()
                                + " ("
                                + plan.zone().getId()
                                + "), "
                                + nudges.days(plan.days())
                                + (plan.pausedUntil() == null
                                        ? ""
                                        : "; "
                                                + texts.get(
                                                                "nudge.menu_paused",
                                                                "until",
                                                                texts.date(plan.pausedUntil()))
                                                        .strip());
        return texts.get(
                "export.summary",
                "route",
                routeName(texts, s),
                "plan",
                Plans.exists(s.equipment())
                        ? Plans.describe(texts, s.equipment())
                        : texts.get("export.none"),
                "reminder",
                reminder,
                "ratings",
                ratings(texts, ratings),
                "paused",
                s.paused() == null
                        ? texts.get("export.none")
                        : new GuideView(texts).title(s.paused()));
    }

    /** "self-care is fine (Mon 2 Mar)": the route in words with the day it was decided. */
    static String routeName(Texts texts, Session s) {
        String name = texts.get("route." + s.route().name().toLowerCase(Locale.ROOT));
        return s.routeDate() == null ? name : name + " (" + texts.date(s.routeDate()) + ")";
    }

    private static String ratings(Texts texts, SortedMap<LocalDate, Integer> ratings) {
        if (ratings.isEmpty()) {
            return texts.get("export.none");
        }
        List<String> shown = new ArrayList<>();
        for (Map.Entry<LocalDate, Integer> rating : ratings.entrySet()) {
            shown.add(texts.date(rating.getKey()) + ": " + rating.getValue());
        }
        int from = Math.max(0, shown.size() - RATINGS_SHOWN);
        return (from > 0 ? "… " : "") + String.join(" · ", shown.subList(from, shown.size()));
    }
}
