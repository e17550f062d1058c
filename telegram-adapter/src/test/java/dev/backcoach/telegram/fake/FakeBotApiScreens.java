package dev.backcoach.telegram.fake;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The part of {@link FakeBotApi}'s public methods that show what Telegram holds: the chats as the
 * user sees them, unanswered callback queries, the webhook, the bot's commands and descriptions,
 * the pending updates. A separate class only to keep files small; tests call these methods on
 * {@link FakeBotApi}.
 */
abstract class FakeBotApiScreens extends FakeBotApiInputs {

    FakeBotApiScreens(FakeParts parts) {
        super(parts);
    }

    /**
     * Waits until the chat shows a message matching {@code match} (edits count: a message edited
     * into a match matches) and returns it.
     *
     * @throws AssertionError if there is none within {@code timeout}
     */
    public SentMessage awaitMessage(long chatId, Predicate<SentMessage> match, Duration timeout) {
        return parts.state.await(
                timeout,
                () -> parts.store.chat(chatId).stream().filter(match).findFirst().orElse(null),
                () ->
                        "No matching message in chat "
                                + chatId
                                + " within "
                                + timeout
                                + ". Chat:\n  "
                                + parts.store.chat(chatId).stream()
                                        .map(SentMessage::toString)
                                        .collect(Collectors.joining("\n  "))
                                + "\nviolations: "
                                + parts.state.violations);
    }

    /**
     * The bot's messages in the chat, oldest first, with edits applied and deleted messages gone.
     */
    public List<SentMessage> chat(long chatId) {
        return parts.state.locked(() -> parts.store.chat(chatId));
    }

    /**
     * The bot's latest message in the chat.
     *
     * @throws AssertionError if the bot has sent nothing there
     */
    public SentMessage lastIn(long chatId) {
        List<SentMessage> messages = chat(chatId);
        if (messages.isEmpty()) {
            throw new AssertionError("The bot has sent nothing to chat " + chatId);
        }
        return messages.get(messages.size() - 1);
    }

    /** Ids of callback queries the fake delivered that the bot has not answered yet. */
    public Set<String> unansweredCallbacks() {
        return parts.state.locked(() -> parts.users.unansweredCallbacks());
    }

    /** The webhook set with setWebhook (url, secret_token, … as sent), if one is set. */
    public Optional<Map<String, Object>> webhook() {
        return parts.state.locked(
                () ->
                        Optional.ofNullable(parts.queue.webhook())
                                .map(w -> Collections.unmodifiableMap(new LinkedHashMap<>(w))));
    }

    /**
     * What setMyDescription ({@code method} "setMyDescription") or setMyShortDescription set for
     * {@code languageCode} ("" for the default); null if never set.
     */
    public @Nullable String description(String method, String languageCode) {
        return parts.state.locked(() -> parts.profile.description(method, languageCode));
    }

    /**
     * The commands set with setMyCommands for the default scope and no language: {@code command →
     * description}.
     */
    public Map<String, String> commands() {
        return commands(null);
    }

    /** The commands set for the default scope and {@code languageCode} (null: none). */
    public Map<String, String> commands(@Nullable String languageCode) {
        return parts.state.locked(() -> parts.profile.commands(languageCode));
    }

    /** Updates queued and not yet confirmed by a getUpdates offset. */
    public int pendingUpdates() {
        return parts.state.locked(() -> parts.queue.pending());
    }
}
