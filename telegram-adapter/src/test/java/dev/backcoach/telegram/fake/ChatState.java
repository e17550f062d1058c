package dev.backcoach.telegram.fake;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One chat as Telegram keeps it: message ids shared by the bot's and the users' messages, and the
 * bot's messages as they are now. Guarded by the fake's lock.
 */
final class ChatState {
    final long id;
    int nextMessageId = 1;
    final Map<Integer, StoredMessage> botMessages = new LinkedHashMap<>();
    final Set<Integer> userMessages = new HashSet<>();

    ChatState(long id) {
        this.id = id;
    }
}
