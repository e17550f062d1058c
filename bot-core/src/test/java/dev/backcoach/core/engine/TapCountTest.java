package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Guide;
import dev.backcoach.core.model.Route;
import org.junit.jupiter.api.Test;

/**
 * More warning signs must not mean more taps: the goals of the short check, measured by playing the
 * conversation of a user without any warning sign and counting every button they press.
 */
class TapCountTest {
    /** Goal: from /check to the outcome in at most this many taps. */
    static final int CHECK_TAPS = 6;

    /** Goal: from a first /start to the first step of a technique in at most this many taps. */
    static final int FIRST_STEP_TAPS = 14;

    private int taps;

    private Chat tap(Chat chat, String label) {
        taps++;
        return chat.press(label);
    }

    @Test
    void fromCheckToTheOutcome() {
        Chat chat = new Chat().onboarded().send("/check");
        taps = 0;
        while (chat.session().route() == Route.UNSCREENED) {
            tap(chat, Chat.CATALOG.text("button.check_no"));
        }
        assertThat(chat.session().route()).isEqualTo(Route.SELF_CARE);
        assertThat(chat.text()).contains(chat.catalogText("outcome.self_care"));
        System.out.printf(
                "taps from /check to the outcome: %d (goal at most %d)%n", taps, CHECK_TAPS);
        assertThat(taps).isLessThanOrEqualTo(CHECK_TAPS);
    }

    @Test
    void fromAFirstStartToTheFirstTechniqueStep() {
        Chat chat = new Chat();
        taps = 1; // typing /start counts as a tap too
        chat.send("/start");
        tap(chat, "Yes");
        tap(chat, Chat.CATALOG.text("button.agree"));
        while (chat.session().route() == Route.UNSCREENED) {
            tap(chat, Chat.CATALOG.text("button.check_no"));
        }
        tap(chat, "Tennis balls"); // what they have at home
        tap(chat, "I can get to the floor");
        tap(chat, Chat.CATALOG.text("button.plan_done"));
        tap(chat, "Tennis balls in a sock");
        tap(chat, Chat.CATALOG.text("button.next"));

        Dialogue d = chat.session().dialogue();
        assertThat(d).isInstanceOf(Dialogue.Guiding.class);
        Guide guide = ((Dialogue.Guiding) d).guide();
        assertThat(guide.id()).isEqualTo("tennis_balls");
        assertThat(guide.step()).isEqualTo(1);
        System.out.printf(
                "taps from a first /start to the first technique step: %d (goal at most %d)%n",
                taps, FIRST_STEP_TAPS);
        assertThat(taps).isLessThanOrEqualTo(FIRST_STEP_TAPS);
    }
}
