package dev.backcoach.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Reply;
import org.junit.jupiter.api.Test;

class GroupAndReachabilityTest {
    private static final ChatRef GROUP = new ChatRef("-100200300", false);

    @Test
    void inAGroupTheCheckIsOfferedInAPrivateChatAndNothingIsStored() {
        Chat chat = new Chat();
        Reply reply =
                chat.service
                        .handle(new Inbound.Command(chat.user(), GROUP, "g1", "check", ""))
                        .replies()
                        .get(0);
        assertThat(reply.text()).isEqualTo(chat.catalogText("group.private_only"));
        assertThat(reply.allButtons())
                .singleElement()
                .satisfies(b -> assertThat(b.privateChatPayload()).contains("check"));
        assertThat(chat.store.load(chat.user())).isEmpty();
    }

    @Test
    void inAGroupHelpIsAnsweredButPersonalStateNeverShows() {
        Chat chat = new Chat().selfCare(true);
        var help =
                chat.service
                        .handle(new Inbound.Command(chat.user(), GROUP, "g2", "help", ""))
                        .replies();
        assertThat(help)
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.text())
                                        .isEqualTo(
                                                chat.catalogText("help")
                                                        + "\n\n"
                                                        + chat.catalogText(
                                                                "safety.emergency_signs")));
        var garbage =
                chat.service
                        .handle(new Inbound.Text(chat.user(), GROUP, "g3", "my back hurts"))
                        .replies();
        assertThat(garbage.get(0).text()).isEqualTo(chat.catalogText("group.private_only"));
    }

    @Test
    void anUnreachableUserIsReachableAgainOnceTheyWrite() {
        Chat chat = new Chat().selfCare(true);
        chat.service.markUnreachable(chat.user());
        assertThat(chat.session().unreachable()).isTrue();
        chat.send("/help");
        assertThat(chat.session().unreachable())
                .as("any message shows we can reach them")
                .isFalse();
        assertThat(chat.text())
                .as("they hear why reminders went quiet, then their answer")
                .startsWith(chat.catalogText("unreachable.note"))
                .contains(chat.catalogText("help"));
        chat.send("/help");
        assertThat(chat.text())
                .as("said once")
                .doesNotContain(chat.catalogText("unreachable.note"));
    }

    @Test
    void aStepTimerDoesNotTryAUserThePlatformRefuses() {
        Chat chat = new Chat().selfCare(true).send("/techniques foam_roller");
        while (!chat.hasButton("⏱")) {
            chat.press("Next");
        }
        chat.press("⏱");
        int token = chat.effects(dev.backcoach.core.model.Effect.StartTimer.class).get(0).token();
        chat.service.markUnreachable(chat.user());
        chat.fireTimer(token);
        assertThat(chat.replies()).as("no message to someone who blocked the bot").isEmpty();
        assertThat(chat.session().unreachable()).isTrue();
    }
}
