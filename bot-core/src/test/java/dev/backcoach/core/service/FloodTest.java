package dev.backcoach.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.core.Chat;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloodTest {
    // Telegram users: the local console user is exempt (see FloodGuard).

    private static List<Reply> burst(Chat chat, int messages) {
        List<Reply> all = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            all.addAll(
                    chat.service
                            .handle(
                                    new Inbound.Text(
                                            chat.user(),
                                            ChatRef.privateWith("user-1"),
                                            "f" + i + "-" + System.nanoTime(),
                                            "hello?"))
                            .replies());
        }
        return all;
    }

    @Test
    void twentyMessagesInASecondAreAnsweredOnceWithOneMoment() {
        Chat chat =
                new Chat(new InMemoryStateStore(), new UserKey(Platform.TELEGRAM, "user-1"))
                        .onboarded();
        chat.later(Duration.ofSeconds(10));
        List<Reply> replies = burst(chat, 20);

        List<String> texts = replies.stream().map(Reply::text).toList();
        assertThat(texts).filteredOn(t -> t.equals(chat.catalogText("flood.wait"))).hasSize(1);
        assertThat(texts).hasSize(FloodGuard.BURST + 1);
    }

    @Test
    void afterTheBurstTheUserIsHeardNormallyAgain() {
        Chat chat =
                new Chat(new InMemoryStateStore(), new UserKey(Platform.TELEGRAM, "user-1"))
                        .onboarded();
        chat.later(Duration.ofSeconds(10));
        burst(chat, 20);
        chat.later(Duration.ofSeconds(2)).send("/help");
        assertThat(chat.text()).contains(chat.catalogText("help"));
    }
}
