package dev.backcoach.app;

import dev.backcoach.core.model.Button;
import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.ConversationService;
import java.util.List;
import java.util.UUID;

/**
 * One user's phone: it shows the latest replies, whichever bot instance sent them, and the user
 * presses buttons on it. Each action goes to the instance the test names, as a load balancer would.
 */
final class Screen {
    final UserKey user;
    private final ChatRef chat;
    private List<Reply> shown = List.of();

    Screen(String userId) {
        this.user = new UserKey(Platform.TELEGRAM, userId);
        this.chat = ChatRef.privateWith(userId);
    }

    Screen send(ConversationService to, String command) {
        return show(to.handle(new Inbound.Command(user, chat, event(), command, "")).replies());
    }

    Screen sendCommand(ConversationService to, String command, String argument) {
        return show(
                to.handle(new Inbound.Command(user, chat, event(), command, argument)).replies());
    }

    Screen press(ConversationService to, String label) {
        Button button =
                shown.get(shown.size() - 1).allButtons().stream()
                        .filter(b -> b.label().startsWith(label))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new AssertionError(
                                                "no button '" + label + "' on screen:\n" + text()));
        return show(to.handle(new Inbound.Choice(user, chat, event(), button.data())).replies());
    }

    String text() {
        return String.join("\n---\n", shown.stream().map(Reply::text).toList());
    }

    private Screen show(List<Reply> replies) {
        if (!replies.isEmpty()) {
            shown = replies;
        }
        return this;
    }

    private static String event() {
        return UUID.randomUUID().toString();
    }
}
