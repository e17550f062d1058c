package dev.backcoach.core.engine;

import dev.backcoach.core.content.RedFlag;
import dev.backcoach.core.content.Tier;
import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.safety.Detectors;
import dev.backcoach.core.safety.Finding;
import dev.backcoach.core.safety.RedFlagDetector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warning signs in typed text, read before anything else in every state. A plain report applies its
 * tier at once; a hint asks one yes/no question that names the sign. Free text only ever moves the
 * route towards more care, never back towards self-care.
 */
final class RedFlags {
    /** {@code fy:3,5-7}: Yes to sign 3 (then 5 would have been next; 7 applies if all are No). */
    private static final Pattern ANSWER =
            Pattern.compile("f([yn]):(\\d{1,2}(?:,\\d{1,2}){0,4})(?:-(\\d{1,2}))?");

    private final Texts texts;
    private final List<RedFlag> flags;
    private final RedFlagDetector detector;

    RedFlags(Texts texts) {
        this.texts = texts;
        this.flags = texts.catalog().redflags().flags();
        this.detector =
                Detectors.forRules(texts.catalog().redflags(), texts.locale().getLanguage());
    }

    /** What the text's warning signs lead to; empty when it has none. */
    Optional<Outcome> screen(Session s, String text, LocalDate today) {
        Finding finding = detector.detect(text);
        Dialogue resume =
                s.dialogue() instanceof Dialogue.ConfirmFlag c ? c.resume() : s.dialogue();
        if (finding instanceof Finding.Clear clear) {
            return Optional.of(apply(s, clear.flag(), today, resume));
        } else if (finding instanceof Finding.Possible possible) {
            List<String> asks = possible.asks().stream().map(RedFlag::id).toList();
            String otherwise = possible.otherwise() == null ? null : possible.otherwise().id();
            return Optional.of(
                    Outcome.to(s.withDialogue(new Dialogue.ConfirmFlag(asks, otherwise, resume))));
        }
        return Optional.empty();
    }

    /** True when the text reports an emergency sign plainly: said even where others read along. */
    boolean emergency(String text) {
        return detector.detect(text) instanceof Finding.Clear c
                && c.flag().tier() == Tier.EMERGENCY;
    }

    static boolean isAnswer(String action) {
        return ANSWER.matcher(action).matches();
    }

    /**
     * An answer to a confirming question. The button names the signs, so it works whatever the
     * stored dialogue is (after a restart it is the one the question interrupted).
     */
    Outcome answer(Session s, String action, LocalDate today, Outcome stale) {
        Matcher m = ANSWER.matcher(action);
        if (!m.matches()) {
            return stale;
        }
        List<RedFlag> asks = new ArrayList<>();
        for (String index : m.group(2).split(",", -1)) {
            int i = Integer.parseInt(index);
            if (i >= flags.size()) {
                return stale;
            }
            asks.add(flags.get(i));
        }
        @org.jspecify.annotations.Nullable RedFlag otherwise = null;
        if (m.group(3) != null) {
            int i = Integer.parseInt(m.group(3));
            if (i >= flags.size()) {
                return stale;
            }
            otherwise = flags.get(i);
        }
        Dialogue resume =
                s.dialogue() instanceof Dialogue.ConfirmFlag c ? c.resume() : s.dialogue();
        if (m.group(1).equals("y")) {
            return apply(s, asks.get(0), today, resume);
        }
        if (asks.size() > 1) {
            List<String> rest = asks.subList(1, asks.size()).stream().map(RedFlag::id).toList();
            return Outcome.to(
                    s.withDialogue(
                            new Dialogue.ConfirmFlag(
                                    rest, otherwise == null ? null : otherwise.id(), resume)));
        }
        if (otherwise != null) {
            return apply(s, otherwise, today, resume);
        }
        return Outcome.to(s.withDialogue(resume), texts.get("redflag.carry_on"));
    }

    Reply render(Dialogue.ConfirmFlag c, int seq) {
        RedFlag flag = flag(c.asks().get(0));
        StringBuilder data = new StringBuilder(":");
        for (String id : c.asks()) {
            data.append(data.length() > 1 ? "," : "").append(flags.indexOf(flag(id)));
        }
        if (c.otherwise() != null) {
            data.append('-').append(flags.indexOf(flag(c.otherwise())));
        }
        return new Reply(
                flag.confirm(),
                List.of(
                        List.of(
                                new Button(
                                        texts.get("button.yes"),
                                        ButtonData.answer(seq, "fy" + data)),
                                new Button(
                                        texts.get("button.no"),
                                        ButtonData.answer(seq, "fn" + data)))),
                false);
    }

    /**
     * The sign's tier, unless the route already asks for as much care. Without consent nothing is
     * stored, but the advice is still given.
     */
    private Outcome apply(Session s, RedFlag flag, LocalDate today, Dialogue resume) {
        String about = texts.catalog().flag(flag.id()).map(q -> q.about()).orElse(flag.id());
        String because = texts.get("route.because", "about", about);
        Route target =
                switch (flag.tier()) {
                    case EMERGENCY -> Route.EMERGENCY;
                    case SEE_CLINICIAN -> Route.SEE_CLINICIAN;
                    case CLEAR_FIRST -> Route.CLEAR_FIRST;
                };
        if (target == Route.EMERGENCY && (!s.onboarded() || s.route() == Route.EMERGENCY)) {
            return Outcome.only(
                    s.withDialogue(s.onboarded() ? Dialogue.IDLE : resume),
                    texts.get("outcome.emergency"),
                    because);
        }
        if (!s.onboarded()) {
            return Outcome.to(s.withDialogue(resume), texts.get(outcomeKey(target)), because);
        }
        if (urgency(s.route()) >= urgency(target)) {
            return Outcome.to(s.withDialogue(resume), texts.get("redflag.noted", "about", about));
        }
        Session routed = s.withRoute(target, today, flag.id());
        return switch (target) {
            case EMERGENCY ->
                    Outcome.only(
                            routed.withDialogue(Dialogue.IDLE),
                            texts.get("outcome.emergency"),
                            because);
            case CLEAR_FIRST ->
                    Outcome.to(
                            routed.withDialogue(new Dialogue.AskClearance()),
                            texts.get("outcome.clear_first"),
                            because);
            default ->
                    Outcome.to(
                            routed.withDialogue(Dialogue.IDLE),
                            texts.get("outcome.see_clinician"),
                            because);
        };
    }

    private static String outcomeKey(Route route) {
        return route == Route.CLEAR_FIRST ? "outcome.clear_first" : "outcome.see_clinician";
    }

    /** How much care a route asks for; free text only ever raises it. */
    private static int urgency(Route route) {
        return switch (route) {
            case EMERGENCY -> 3;
            case SEE_CLINICIAN -> 2;
            case CLEAR_FIRST -> 1;
            default -> 0;
        };
    }

    private RedFlag flag(String id) {
        for (RedFlag f : flags) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        throw new IllegalStateException(
                "unknown red flag " + id); // ids come from this catalog only
    }
}
