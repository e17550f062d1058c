package dev.backcoach.app;

import dev.backcoach.core.content.PlanItem;
import dev.backcoach.core.content.Routine;
import dev.backcoach.core.content.Technique;
import java.time.Duration;

/**
 * The whole conversation of issue 15, the same on every platform and in every language: start and
 * the red-flag check, the plan, progress (a rating, five days later another, then the chart or its
 * text), a technique step by step, a routine, a reminder, /export and /forget. What the bot should
 * say comes from the language's catalog.
 */
final class Conversation {
    /** A person on one platform: types commands, taps buttons, and may let days go by. */
    interface Player {
        /**
         * Runs {@code /name argument} and waits until a message sent or changed since contains
         * {@code expect}.
         */
        void command(String name, String argument, String expect);

        /**
         * Taps the button starting with {@code label} on the newest message that has buttons, and
         * waits as {@link #command} does.
         */
        void press(String label, String expect);

        /** Lets {@code time} pass on the bot's clock; false where the test has no such clock. */
        boolean later(Duration time);
    }

    private Conversation() {}

    static void play(Speaking lang, Player user) {
        onboard(lang, user);
        rest(lang, user);
    }

    /** Start, 18+, consent, "no" to every list of the check, one plan item, Done. */
    static void onboard(Speaking lang, Player user) {
        int groups = lang.catalog.checkGroups().size();
        user.command("start", "", lang.head("start.ask_adult"));
        user.press(lang.text("button.yes"), lang.head("start.ask_consent"));
        user.press(lang.text("button.agree"), "(1/" + groups + ")");
        for (int i = 1; i < groups; i++) {
            user.press(lang.text("button.check_no"), "(" + (i + 1) + "/" + groups + ")");
        }
        user.press(lang.text("button.check_no"), lang.head("plan.ask"));
        PlanItem first = lang.catalog.plan().get(0);
        user.press(first.label(), first.label());
        user.press(lang.text("button.plan_done"), lang.head("plan.done"));
    }

    /** Progress, a technique, a routine, a reminder, /export and /forget. */
    static void rest(Speaking lang, Player user) {
        user.command("progress", "6", lang.head("progress.rate_after_zone", "score", "6"));
        user.press(lang.text("button.use_utc"), lang.head("progress.ask"));
        user.press("6", lang.head("progress.saved", "score", "6"));
        if (user.later(Duration.ofDays(5))) {
            user.command("progress", "3", lang.head("progress.saved", "score", "3"));
            user.command("progress", "", lang.head("progress.summary", "first", "6", "last", "3"));
        } else {
            user.command("progress", "", lang.head("progress.few"));
        }

        Technique heat = lang.catalog.technique("heat").orElseThrow();
        user.command("techniques", "heat", lang.head("guide.cautions"));
        for (int step = 1; step <= 2; step++) {
            user.press(
                    lang.text("button.next"),
                    lang.head(
                            "guide.step",
                            "title",
                            heat.title(),
                            "step",
                            Integer.toString(step),
                            "total",
                            Integer.toString(heat.steps().size())));
        }
        Routine evening = lang.catalog.routine("evening").orElseThrow();
        user.command("routine", "evening", evening.title());
        user.command(
                "nudge",
                "20:30 " + lang.zone,
                lang.head("nudge.saved", "time", "20:30", "zone", lang.zone));

        user.command("export", "", lang.head("export.summary"));
        user.command("forget", "", lang.head("forget.confirm"));
        user.press(lang.text("button.forget_yes"), lang.head("forget.done"));
    }
}
