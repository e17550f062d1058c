package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers typed the way people type them, small talk, and questions the FAQ answers. */
class TypedAnswersTest {

    @ParameterizedTest
    @ValueSource(strings = {"y", "yes", "Yep!", "yeah", "ok"})
    void typedYesAnswersAYesNoQuestion(String yes) {
        Chat chat = new Chat().send("/start").send(yes); // 18 or older?
        assertThat(chat.session().adult()).isTrue();
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.AskConsent.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "no", "Nope", "nah"})
    void typedNoAnswersAYesNoQuestion(String no) {
        Chat chat = new Chat().send("/start").send(no);
        assertThat(chat.session().adult()).isFalse();
        assertThat(chat.text()).contains(chat.catalogText("start.minor"));
    }

    @Test
    void notSureIsTheSaferYesInTheCheck() {
        Chat chat = new Chat().onboarded();
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.Check.class);
        chat.send("not sure");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.ScreeningItem.class);
    }

    @Test
    void notSureNeverAnswersAQuestionThatDeletesSomething() {
        Chat chat = new Chat().selfCare(true).send("/forget").send("not sure");
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.ConfirmForget.class);
        assertThat(chat.session().route()).isEqualTo(Route.SELF_CARE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "7/10", "seven", "7 out of 10", "about 7"})
    void aRatingCanBeTypedAsPeopleWriteIt(String seven) {
        Chat chat = new Chat().selfCare(true).progress();
        assertThat(chat.session().dialogue()).isInstanceOf(Dialogue.Rating.class);
        chat.send(seven);
        assertThat(chat.text()).contains("7");
        assertThat(chat.session().dialogue()).isNotInstanceOf(Dialogue.Rating.class);
    }

    @Test
    void smallTalkGetsAFriendlyReply() {
        Chat chat = new Chat().selfCare(true);
        assertThat(chat.send("hi").text()).startsWith(chat.catalogText("smalltalk.hi"));
        assertThat(chat.send("thanks!").text()).startsWith(chat.catalogText("smalltalk.thanks"));
        assertThat(chat.send("bye").text()).isEqualTo(chat.catalogText("smalltalk.bye"));
        chat.send("/techniques foam_roller");
        chat.send("menu");
        assertThat(chat.session().dialogue()).isEqualTo(Dialogue.IDLE);
        assertThat(chat.session().paused()).as("the technique can be resumed").isNotNull();
    }

    @Test
    void questionsGetTheAnswerThatFitsThem() {
        Chat chat = new Chat().selfCare(true);
        assertThat(chat.send("can I use a massage gun?").text()).contains(answer("massager"));
        assertThat(chat.send("heat or ice?").text()).contains(answer("heat_or_ice"));
        assertThat(chat.send("can I do this at my desk?").text()).contains(answer("at_desk"));
        assertThat(chat.send("how long until I feel better?").text())
                .contains(answer("how_long_better"));
    }

    @Test
    void aLongQuestionThatOnlyNamesATopicGetsTheAnswerAsAGuess() {
        Chat chat =
                new Chat()
                        .selfCare(true)
                        .send("did the tennis balls yesterday and my back is a bit meh today");
        String guess =
                chat.catalogText("faq.guess")
                        .replace(
                                "{question}",
                                Chat.CATALOG.faq().stream()
                                        .filter(f -> f.id().equals("tennis_balls"))
                                        .findFirst()
                                        .orElseThrow()
                                        .question());
        assertThat(chat.text()).startsWith(guess);
    }

    @Test
    void unmatchedTextGetsVariedHelpfulReplies() {
        Chat chat = new Chat().selfCare(true);
        java.util.Set<String> replies = new java.util.HashSet<>();
        for (String text :
                new String[] {"blorp", "qwerty", "zzz zzz", "asdfgh", "hmm hmm", "lorem ipsum"}) {
            String reply = chat.send(text).text();
            replies.add(reply.substring(0, reply.indexOf("\n\n")));
        }
        assertThat(replies).hasSizeGreaterThanOrEqualTo(3);
    }

    private static String answer(String id) {
        return Chat.CATALOG.faq().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow()
                .answer();
    }
}
