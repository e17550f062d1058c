package dev.backcoach.telegram.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backcoach.telegram.fake.BotApiSpec.Definition;
import dev.backcoach.telegram.fake.FakeBotApi.Storm;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The part of {@link FakeBotApi}'s public methods with which a test makes things happen: users'
 * updates to deliver and Telegram's faults and limits. A separate class only to keep files small;
 * tests call these methods on {@link FakeBotApi}.
 */
abstract class FakeBotApiInputs {

    private final ObjectMapper json = new ObjectMapper();
    final FakeParts parts;

    FakeBotApiInputs(FakeParts parts) {
        this.parts = parts;
    }

    /** This fake, for the fluent methods. */
    abstract FakeBotApi self();

    /**
     * Queues a text message from user {@code userId} in the private chat with the bot (chat id =
     * user id). A text starting with "/" carries a {@code bot_command} entity for the command, as
     * Telegram sends it.
     *
     * @return the update_id
     */
    public int privateText(long userId, String text) {
        return parts.queue.add(parts.users.privateText(userId, text));
    }

    /**
     * {@link #privateText}'s update as JSON, not queued (for webhook tests); it consumes ids all
     * the same.
     */
    public String privateTextUpdateJson(long userId, String text) {
        return write(parts.users.privateText(userId, text));
    }

    /**
     * Queues a text message from {@code userId} in the group {@code chatId} (negative).
     *
     * @return the update_id
     */
    public int groupText(long chatId, long userId, String text) {
        return parts.queue.add(parts.users.groupText(chatId, userId, text));
    }

    /** {@link #groupText}'s update as JSON, not queued. */
    public String groupTextUpdateJson(long chatId, long userId, String text) {
        return write(parts.users.groupText(chatId, userId, text));
    }

    /**
     * Queues a callback query: user {@code userId} pressed the button with {@code data} under
     * message {@code messageId} of chat {@code chatId}. The query gets a fresh id, which the bot
     * must answer; the message is the one the bot sent (as it is now), when the fake knows it.
     *
     * @return the update_id
     */
    public int callback(long userId, long chatId, int messageId, String data) {
        return parts.queue.add(parts.users.callback(userId, chatId, messageId, data));
    }

    /**
     * {@link #callback}'s update as JSON, not queued; its callback query id counts as delivered.
     */
    public String callbackUpdateJson(long userId, long chatId, int messageId, String data) {
        return write(parts.users.callback(userId, chatId, messageId, data));
    }

    /**
     * Queues any update. Without an {@code update_id} the next one is assigned; with one it is kept
     * (to replay an update), and later ids continue after the highest seen.
     *
     * @return the update_id
     */
    public int enqueue(String rawUpdateJson) {
        return parts.queue.enqueue(rawUpdateJson);
    }

    /**
     * The next {@code times} calls of {@code method} fail with {@code errorCode} (also the HTTP
     * status) and {@code description}, plus {@code parameters.retry_after} when given — e.g. {@code
     * failNext("sendMessage", 1, 429, "Too Many Requests: retry after 3", 3)}. The requests are
     * still validated and logged.
     */
    public FakeBotApi failNext(
            String method, int times, int errorCode, String description, Integer retryAfterOrNull) {
        Definition d =
                parts.spec
                        .method(method)
                        .orElseThrow(
                                () -> new IllegalArgumentException("No such method: " + method));
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        parts.state.locked(
                () ->
                        parts.faults.failNext(
                                d.name(), times, errorCode, description, retryAfterOrNull));
        return self();
    }

    /**
     * From now on every send or edit to {@code chatId} answers 403 (bot blocked by the user /
     * kicked from the group).
     */
    public FakeBotApi blockChat(long chatId) {
        parts.state.locked(() -> parts.store.block(chatId));
        return self();
    }

    /** Undoes {@link #blockChat}. */
    public FakeBotApi unblockChat(long chatId) {
        parts.state.locked(() -> parts.store.unblock(chatId));
        return self();
    }

    /** From now on {@code storm} decides what goes wrong with each call (see {@link Storm}). */
    public FakeBotApi storm(Storm storm) {
        parts.faults.storm(storm);
        return self();
    }

    /** Delays every answer except getUpdates by {@code delay} (zero to stop). */
    public FakeBotApi slowdown(Duration delay) {
        parts.state.locked(() -> parts.faults.slowdown(delay));
        return self();
    }

    /**
     * Thresholds of the rate watch (defaults 30, 3, 20): more than {@code globalPerSecond}
     * sendMessage, editMessageText, sendDocument or sendPhoto calls in any rolling second, more
     * than {@code perChatBurstPerSecond} to one private chat in a second, or more than {@code
     * groupPerMinute} to one group in a minute is a violation (the request still succeeds, as
     * Telegram's limits are soft until it answers 429).
     */
    public FakeBotApi limits(int globalPerSecond, int perChatBurstPerSecond, int groupPerMinute) {
        parts.state.locked(
                () ->
                        parts.router.rates.limits(
                                globalPerSecond, perChatBurstPerSecond, groupPerMinute));
        return self();
    }

    /**
     * The clock the rate watch reads, {@link System#nanoTime()} by default: a test whose sender
     * runs on virtual time passes that time here, so the limits are judged on the same clock the
     * sender paced itself by.
     */
    public FakeBotApi rateClock(LongSupplier nanos) {
        parts.router.nanoTime = nanos;
        return self();
    }

    /**
     * The {@code language_code} the user's app reports from now on ("es-419"); "" sends none. Every
     * user reports "en" until told otherwise.
     */
    public FakeBotApi language(long userId, String languageCode) {
        parts.state.locked(() -> parts.json.language(userId, languageCode));
        return self();
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
