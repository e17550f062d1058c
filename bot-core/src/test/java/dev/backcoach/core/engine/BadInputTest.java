package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Reply;
import org.junit.jupiter.api.Test;

/** Whatever arrives, the user gets a short kind answer and the current question again. */
class BadInputTest {

    private static Chat atFirstQuestion() {
        return new Chat().onboarded().send("/check");
    }

    private static void assertStillAtFirstQuestion(Chat chat) {
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.Screening(0));
        assertThat(chat.text()).contains(Chat.CATALOG.checkGroups().get(0).lines().get(0));
        assertThat(chat.labels())
                .containsExactly(
                        Chat.CATALOG.text("button.check_yes"),
                        Chat.CATALOG.text("button.check_no"));
    }

    @Test
    void garbageGetsAKindNoteAndTheQuestionAgain() {
        Chat chat = atFirstQuestion().send("asdf qwer ✨✨ ;DROP TABLE");
        assertThat(chat.text()).startsWith(chat.catalogText("input.unclear"));
        assertStillAtFirstQuestion(chat);
    }

    @Test
    void emptyAndHugeMessagesAreAnsweredNotProcessed() {
        Chat chat = atFirstQuestion().send("   ");
        assertThat(chat.text()).startsWith(chat.catalogText("input.empty"));
        assertStillAtFirstQuestion(chat);

        chat.send("yes ".repeat(100_000));
        assertThat(chat.text()).startsWith(chat.catalogText("input.too_long"));
        assertStillAtFirstQuestion(chat);
    }

    @Test
    void anOrdinaryAnswerIsNotMarkedStale() {
        Chat chat = atFirstQuestion().press("No");
        assertThat(chat.replies()).noneMatch(Reply::stale);
    }

    @Test
    void unknownCommandsPointToHelp() {
        Chat chat = atFirstQuestion().send("/frobnicate now");
        assertThat(chat.text()).startsWith(chat.catalogText("input.unknown_command"));
        assertStillAtFirstQuestion(chat);
    }

    @Test
    void aButtonFromAnEarlierMessageChangesNothing() {
        Chat chat = atFirstQuestion();
        String oldYes = chat.button(chat.catalogText("button.check_yes")).data();
        chat.press("No");
        var before = chat.session();
        chat.pressData(oldYes);
        assertThat(chat.text()).startsWith(chat.catalogText("input.stale_button"));
        assertThat(chat.replies().get(0).stale())
                .as("marked, so platforms leave the old message alone")
                .isTrue();
        assertThat(chat.session()).isEqualTo(before);
        assertThat(chat.session().dialogue()).isEqualTo(new Dialogue.Screening(1));
    }

    @Test
    void forgedButtonDataIsTreatedAsStale() {
        Chat chat = atFirstQuestion();
        for (String forged :
                new String[] {
                    "",
                    ".",
                    "x.y",
                    "999999999999.y",
                    "1.",
                    "1.v99",
                    "\u0000",
                    "1.next",
                    "1.g9y",
                    "1.i0-9y",
                    "1.i9-0y",
                    "1.g",
                    "1.gone0"
                }) {
            chat.pressData(forged);
            assertThat(chat.text()).startsWith(chat.catalogText("input.stale_button"));
            assertThat(chat.replies().get(0).stale()).isTrue();
            assertStillAtFirstQuestion(chat);
        }
    }

    @Test
    void aQuestionMatchingTheFaqIsAnsweredAndTheQuestionFollows() {
        var faq =
                Chat.CATALOG.faq().stream()
                        .filter(f -> f.id().equals("foam_roller_daily"))
                        .findFirst();
        var entry = faq.orElse(Chat.CATALOG.faq().get(0));
        Chat chat = atFirstQuestion().send("Can I use a " + entry.keywords().get(0) + " ?");
        assertThat(chat.text()).startsWith(entry.answer());
        assertStillAtFirstQuestion(chat);
    }

    @Test
    void idleFreeTextGetsAHintAndTheMenu() {
        Chat chat = new Chat().onboarded().send("/menu").send("qwerty zxcvb");
        String reply = chat.text();
        assertThat(
                        java.util.stream.Stream.of(
                                        "input.hint",
                                        "fallback.examples",
                                        "fallback.rephrase",
                                        "fallback.commands",
                                        "fallback.honest",
                                        "fallback.safety")
                                .map(chat::catalogText))
                .anySatisfy(fallback -> assertThat(reply).startsWith(fallback));
        assertThat(chat.text()).contains(chat.catalogText("menu.prompt"));
        assertThat(chat.hasButton(chat.catalogText("button.start_check"))).isTrue();
    }

    @Test
    void anUnknownTechniqueNameListsTheRealOnes() {
        Chat chat = new Chat().selfCare(true).send("/techniques <b>hot stones</b>");
        assertThat(chat.text()).contains("<b>hot stones</b>", chat.catalogText("techniques.menu"));
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.ChoosingTechnique.class);
    }
}
