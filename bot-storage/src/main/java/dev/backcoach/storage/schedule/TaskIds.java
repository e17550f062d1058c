package dev.backcoach.storage.schedule;

import dev.backcoach.core.model.ChatRef;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.UserKey;

/**
 * Task instance ids and data. A user's reminder (and snooze) is {@code PLATFORM:userId}, a step
 * timer {@code PLATFORM:userId:token}: /forget finds a user's tasks by this rule. The data is the
 * chat to answer in, {@code chatId} plus {@code |p} when it is private.
 */
final class TaskIds {
    private TaskIds() {}

    static String of(UserKey user) {
        return user.platform().name() + ":" + user.userId();
    }

    static String timer(UserKey user, int token) {
        return of(user) + ":" + token;
    }

    static UserKey user(String id) {
        int first = id.indexOf(':');
        int second = id.indexOf(':', first + 1);
        return new UserKey(
                Platform.valueOf(id.substring(0, first)),
                second < 0 ? id.substring(first + 1) : id.substring(first + 1, second));
    }

    static int token(String timerId) {
        return Integer.parseInt(timerId.substring(timerId.lastIndexOf(':') + 1));
    }

    static String chat(ChatRef chat) {
        return chat.chatId() + (chat.privateChat() ? "|p" : "|g");
    }

    static ChatRef chat(String data) {
        int bar = data.lastIndexOf('|');
        return bar < 0
                ? new ChatRef(data, true)
                : new ChatRef(data.substring(0, bar), data.endsWith("|p"));
    }
}
