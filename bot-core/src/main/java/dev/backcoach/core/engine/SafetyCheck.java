package dev.backcoach.core.engine;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CheckGroup;
import dev.backcoach.core.content.ScreeningQuestion;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The safety check, by groups: "Do you have any of these right now?" with a short list. No moves to
 * the next group; Yes asks the group's items one by one to find which. Groups run most urgent tier
 * first, so the first Yes decides the route.
 *
 * <p>Every answer button names its position: {@code g3n} is "No" to group 3, {@code i3-2y} is "Yes"
 * to item 2 of group 3. Stores keep only "in the check" (answers are never stored), so after a
 * reload the button the user pressed says where they were; the unchanged prompt sequence proves it
 * is the question currently asked.
 */
final class SafetyCheck {
    private static final Pattern GROUP = Pattern.compile("g(\\d)([yn])");
    private static final Pattern ITEM = Pattern.compile("i(\\d)-(\\d)([yn])");

    private final Texts texts;
    private final Catalog catalog;

    SafetyCheck(Texts texts) {
        this.texts = texts;
        this.catalog = texts.catalog();
    }

    /** The check from its first group; the route stays as it was until the check decides. */
    Outcome begin(Session s, String... notes) {
        return Outcome.to(s.withDialogue(new Dialogue.Screening(0)).withPaused(null), notes);
    }

    Outcome answer(Session s, String action, LocalDate today) {
        Matcher group = GROUP.matcher(action);
        Matcher item = ITEM.matcher(action);
        if (group.matches() && index(group, 1) < groups().size()) {
            int g = index(group, 1);
            if (group.group(2).equals("y")) {
                return Outcome.to(s.withDialogue(new Dialogue.ScreeningItem(g, 0)));
            }
            return g + 1 < groups().size()
                    ? Outcome.to(s.withDialogue(new Dialogue.Screening(g + 1)))
                    : allClear(s, today);
        } else if (item.matches()
                && index(item, 1) < groups().size()
                && index(item, 2) < groups().get(index(item, 1)).items().size()) {
            CheckGroup g = groups().get(index(item, 1));
            int i = index(item, 2);
            if (item.group(3).equals("y")) {
                return decide(s, flag(g.items().get(i)), flag(g.items().get(i)).id(), today);
            }
            if (i + 1 < g.items().size()) {
                return Outcome.to(
                        s.withDialogue(new Dialogue.ScreeningItem(index(item, 1), i + 1)));
            }
            // Yes to the list but No to each item: go by the most urgent item there (over-triage is
            // the safe side).
            return decide(s, flag(g.items().get(0)), null, today)
                    .withNoteFirst(texts.get("check.none_found"));
        } else if (action.equals("gone")) {
            return selfCare(s, today);
        } else if (action.equals("not_gone")) {
            return Outcome.to(s.withDialogue(Dialogue.IDLE), texts.get("check.sign_not_gone"));
        }
        return Outcome.to(s, texts.get("input.stale_button")).markedStale();
    }

    Reply render(Session s) {
        Dialogue d = s.dialogue();
        int seq = s.promptSeq();
        if (d instanceof Dialogue.ScreeningItem q) {
            CheckGroup g = groups().get(q.group());
            String text =
                    texts.get(
                            "check.item",
                            "n",
                            q.item() + 1,
                            "total",
                            g.items().size(),
                            "question",
                            flag(g.items().get(q.item())).text());
            String at = "i" + q.group() + "-" + q.item();
            return yesNo(text, seq, at + "y", at + "n", "button.yes", "button.no");
        } else if (d instanceof Dialogue.SignGone) {
            String earlier =
                    Optional.ofNullable(s.routeReason())
                            .flatMap(catalog::flag)
                            .map(sign -> texts.get("check.earlier_about", "about", sign.about()))
                            .orElse(texts.get("check.earlier_sign"));
            return yesNo(
                    texts.get("check.sign_gone", "earlier", earlier),
                    seq,
                    "gone",
                    "not_gone",
                    "button.sign_gone",
                    "button.sign_not_gone");
        }
        int g = d instanceof Dialogue.Screening q ? q.group() : 0;
        StringBuilder text = new StringBuilder();
        if (d instanceof Dialogue.CheckRestarted) {
            text.append(texts.get("check.restarted")).append("\n\n");
        }
        StringBuilder lines = new StringBuilder();
        groups().get(g).lines().forEach(line -> lines.append("\n• ").append(line));
        text.append(
                texts.get(
                        "check.group",
                        "n",
                        g + 1,
                        "total",
                        groups().size(),
                        "lines",
                        lines.toString().strip()));
        return yesNo(
                text.toString(),
                seq,
                "g" + g + "y",
                "g" + g + "n",
                "button.check_yes",
                "button.check_no");
    }

    /**
     * The route a warning sign decides; {@code reason} names it later ("because you told me about
     * ...").
     */
    private Outcome decide(
            Session s, ScreeningQuestion sign, @Nullable String reason, LocalDate today) {
        String because = reason == null ? null : texts.get("route.because", "about", sign.about());
        switch (sign.tier()) {
            case EMERGENCY:
                return Outcome.only(
                        s.withRoute(Route.EMERGENCY, today, reason).withDialogue(Dialogue.IDLE),
                        notes(because, texts.get("outcome.emergency")));
            case SEE_CLINICIAN:
                return Outcome.to(
                        s.withRoute(Route.SEE_CLINICIAN, today, reason).withDialogue(Dialogue.IDLE),
                        notes(
                                because,
                                texts.get("outcome.see_clinician"),
                                texts.get("safety.emergency_signs")));
            default:
                return Outcome.to(
                        s.withRoute(Route.CLEAR_FIRST, today, reason)
                                .withDialogue(new Dialogue.AskClearance()),
                        notes(because, texts.get("outcome.clear_first")));
        }
    }

    /**
     * No warning sign today. After a red-flag route that is not enough to reopen guidance: the user
     * may have tapped through, so ask once whether the earlier sign has really gone.
     */
    private Outcome allClear(Session s, LocalDate today) {
        Route before = s.route();
        if (before == Route.EMERGENCY
                || before == Route.SEE_CLINICIAN
                || before == Route.CLEAR_FIRST) {
            return Outcome.to(s.withDialogue(new Dialogue.SignGone()));
        }
        return selfCare(s, today);
    }

    private Outcome selfCare(Session s, LocalDate today) {
        return Outcome.to(
                s.withRoute(Route.SELF_CARE, today)
                        .withDialogue(new Dialogue.Planning(s.equipment())),
                texts.get("outcome.self_care"),
                texts.get("safety.emergency_signs"));
    }

    private static String[] notes(@Nullable String first, String... rest) {
        if (first == null) {
            return rest;
        }
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private Reply yesNo(String text, int seq, String yes, String no, String yesKey, String noKey) {
        return new Reply(
                text,
                List.of(
                        List.of(
                                new Button(texts.get(yesKey), ButtonData.answer(seq, yes)),
                                new Button(texts.get(noKey), ButtonData.answer(seq, no)))),
                false);
    }

    private List<CheckGroup> groups() {
        return catalog.checkGroups();
    }

    /** The catalog validator makes sure every id a group names exists. */
    private ScreeningQuestion flag(String id) {
        return catalog.flag(id).orElseThrow();
    }

    private static int index(Matcher m, int group) {
        return m.group(group).charAt(0) - '0';
    }
}
