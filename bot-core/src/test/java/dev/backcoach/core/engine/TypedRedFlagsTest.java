package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Warning signs typed in the user's own words, in whatever state the conversation is. */
class TypedRedFlagsTest {

    /** Places a user can be when they type: each is a conversation played up to that point. */
    static Stream<Named<UnaryOperator<Chat>>> everywhere() {
        return Stream.of(
                Named.of("at the menu", c -> c.selfCare(true)),
                Named.of(
                        "mid-technique",
                        c -> c.selfCare(true).send("/techniques foam_roller").press("Next")),
                Named.of(
                        "mid-routine",
                        c -> c.selfCare(true).send("/routine morning").press("Next")),
                Named.of("in the check", c -> c.onboarded().send("/check")),
                Named.of("choosing a technique", c -> c.selfCare(true).send("/techniques")),
                Named.of("setting up a reminder", c -> c.selfCare(true).send("/nudge")),
                Named.of("rating stiffness", c -> c.selfCare(true).progress()),
                Named.of("in settings", c -> c.selfCare(true).send("/settings")),
                Named.of("asked to confirm forgetting", c -> c.selfCare(true).send("/forget")));
    }

    @ParameterizedTest
    @MethodSource("everywhere")
    void aPlainEmergencyReportGetsTheEmergencyMessageAtOnce(UnaryOperator<Chat> place) {
        Chat chat = place.apply(new Chat()).send("I can't control my bladder since this morning");

        assertThat(chat.session().route()).as("stored in the same turn").isEqualTo(Route.EMERGENCY);
        assertThat(chat.text())
                .startsWith(chat.catalogText("outcome.emergency"))
                .contains(because("bladder_bowel"));
        assertThat(chat.buttons()).as("nothing else is offered").isEmpty();
        chat.send("/techniques");
        assertThat(chat.text())
                .contains(because("bladder_bowel"))
                .endsWith(chat.catalogText("outcome.emergency_locked"));
        assertThat(chat.session().routeReason()).isEqualTo("bladder_bowel");
    }

    @ParameterizedTest
    @MethodSource("everywhere")
    void aHintAsksOneNamedQuestionAndNoGoesBackExactlyWhereTheUserWas(UnaryOperator<Chat> place) {
        Chat chat = place.apply(new Chat());
        Dialogue before = chat.session().dialogue();
        String questionBefore = chat.text();
        Route routeBefore = chat.session().route();

        chat.send("numb");
        assertThat(chat.text()).contains("You mentioned numbness");
        assertThat(chat.labels()).containsExactly("Yes", "No");
        chat.press("No");
        if (chat.text().contains("You mentioned")) {
            chat.press("No"); // numbness also asks about one leg
        }

        assertThat(chat.session().dialogue()).isEqualTo(before);
        assertThat(chat.session().route()).isEqualTo(routeBefore);
        assertThat(chat.text())
                .startsWith(chat.catalogText("redflag.carry_on"))
                .endsWith(questionBefore.substring(questionBefore.lastIndexOf("\n\n") + 2));
    }

    private static String because(String flag) {
        return Chat.CATALOG
                .text("route.because")
                .replace("{about}", Chat.CATALOG.flag(flag).orElseThrow().about());
    }

    @Test
    void yesToTheNamedQuestionAppliesThatSignsTierAtOnce() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("/techniques foam_roller")
                        .press("Next")
                        .send("I fell");
        assertThat(chat.text()).contains("Was it a serious one");
        chat.press("No");
        assertThat(chat.text()).contains("Did it happen in the last 6 weeks?");
        chat.press("Yes");

        assertThat(chat.session().route()).isEqualTo(Route.SEE_CLINICIAN);
        assertThat(chat.session().paused())
                .as("the technique is not offered for resuming")
                .isNull();
        assertThat(chat.text())
                .contains(chat.catalogText("outcome.see_clinician"), because("after_injury"));
    }

    @Test
    void aPlainReportOfALessUrgentSignStillAppliesAfterNoToTheMoreUrgentQuestion() {
        Chat chat = new Chat().selfCare(true).send("my leg tingles");
        assertThat(chat.text()).contains("between your legs");
        chat.press("No");
        assertThat(chat.session().route()).isEqualTo(Route.SEE_CLINICIAN);
    }

    @Test
    void denialsAndReassurancesNeverEscalateOnTheirOwn() {
        for (String text :
                new String[] {
                    "no numbness at all",
                    "not pregnant",
                    "my legs are fine",
                    "i dont have any chest pain",
                    "never had cancer",
                    "broke my wrist 10 years ago"
                }) {
            Chat chat = new Chat().selfCare(true).send(text);
            while (chat.session().dialogue() instanceof Dialogue.ConfirmFlag) {
                chat.press("No");
            }
            assertThat(chat.session().route()).as(text).isEqualTo(Route.SELF_CARE);
        }
    }

    @Test
    void aClearFirstSignAsksForAClinicianOk() {
        Chat chat = new Chat().selfCare(true).send("I'm pregnant, 20 weeks");
        assertThat(chat.session().route()).isEqualTo(Route.CLEAR_FIRST);
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.AskClearance.class);
        assertThat(chat.text()).contains(because("pregnancy"));
    }

    @Test
    void freeTextNeverMovesTheRouteBackTowardsSelfCare() {
        Chat chat = new Chat().selfCare(true).send("both my legs are getting weak");
        assertThat(chat.session().route()).isEqualTo(Route.EMERGENCY);
        chat.send("my legs are fine now, all better, I take blood thinners");
        assertThat(chat.session().route()).isEqualTo(Route.EMERGENCY);
        chat.send("numb between my legs");
        assertThat(chat.text()).startsWith(chat.catalogText("outcome.emergency"));
    }

    @Test
    void beforeConsentTheAdviceIsGivenButNothingIsStored() {
        Chat chat = new Chat().send("/start").send("numb between my legs");
        assertThat(chat.text()).startsWith(chat.catalogText("outcome.emergency"));
        assertThat(chat.session().route()).isEqualTo(Route.UNSCREENED);
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.AskAdult.class);
    }

    @Test
    void whatIsTypedIntoACommandIsReadToo() {
        Chat chat = new Chat().selfCare(true).send("/techniques my legs are both numb");
        assertThat(chat.session().route()).isEqualTo(Route.EMERGENCY);
    }

    @Test
    void theQuestionsButtonsStillWorkAfterARestart() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("/techniques foam_roller")
                        .press("Next")
                        .send("I fell");
        Session asked = chat.session();
        Dialogue.ConfirmFlag confirm = (Dialogue.ConfirmFlag) asked.dialogue();
        // After a restart the store gives back the dialogue the question interrupted (answers are
        // never stored).
        Session reloaded = asked.withDialogue(confirm.resume());
        String yes = chat.button("Yes").data();

        Engine engine = new Engine(Chat.CATALOG);
        Turn turn =
                engine.handle(
                        reloaded,
                        new Inbound.Choice(chat.user(), ChatRef.privateWith("u"), "x", yes),
                        Instant.parse("2026-03-02T19:00:00Z"));
        assertThat(turn.session().route()).isEqualTo(Route.EMERGENCY);
    }

    @Test
    void inAGroupAnEmergencyIsAnsweredAndNothingIsKept() {
        Engine engine = new Engine(Chat.CATALOG);
        Session fresh = Session.fresh(new Chat().user());
        Turn turn =
                engine.handle(
                        fresh,
                        new Inbound.Text(
                                fresh.user(),
                                new ChatRef("group-1", false),
                                "g",
                                "cant feel anything down below and cant pee"),
                        Instant.parse("2026-03-02T19:00:00Z"));
        assertThat(turn.replies().get(0).text()).isEqualTo(Chat.CATALOG.text("outcome.emergency"));
        assertThat(turn.session()).isEqualTo(fresh);
    }

    @Test
    void repeatedWordsAndOrdinarySentencesNeverBreakATurn() {
        for (String text :
                new String[] {
                    "help my back and my legs hurt",
                    "is it ok if it is sore",
                    "no no",
                    "the the the the",
                    "yes yes yes",
                    "🙂🙂🙂",
                    "\u0000\u0007",
                    "…"
                }) {
            Chat chat = new Chat().selfCare(true).send(text);
            assertThat(chat.text()).as(text).doesNotContain(chat.catalogText("error.internal"));
        }
    }
}
