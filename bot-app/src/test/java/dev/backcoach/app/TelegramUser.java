package dev.backcoach.app;

import dev.backcoach.core.Chat;
import dev.backcoach.core.TestClock;
import dev.backcoach.telegram.fake.FakeBotApi;
import dev.backcoach.telegram.fake.SentMessage;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A person in a private chat with the bot on the fake Telegram: types, taps, and reads the screen.
 */
final class TelegramUser {
    static final Duration WAIT = Replies.WAIT;

    /** How an update reaches the bot: queued for long polling, or POSTed to the webhook. */
    interface Delivery {
        void deliver(String updateJson);
    }

    final long id;
    private final FakeBotApi telegram;
    private final Delivery delivery;
    private final Replies<SentMessage> replies;

    TelegramUser(FakeBotApi telegram, long id) {
        this(telegram, id, telegram::enqueue);
    }

    TelegramUser(FakeBotApi telegram, long id, Delivery delivery) {
        this.telegram = telegram;
        this.id = id;
        this.delivery = delivery;
        this.replies =
                new Replies<>(
                        "in chat " + id,
                        () -> telegram.chat(id),
                        SentMessage::messageId,
                        SentMessage::plainText);
    }

    /** Types {@code text} and waits until the newest message on screen contains {@code expect}. */
    SentMessage send(String text, String expect) {
        delivery.deliver(telegram.privateTextUpdateJson(id, text));
        return awaitLast(m -> m.plainText().contains(expect));
    }

    /** Taps the button starting with {@code label} on the newest message that has buttons. */
    SentMessage press(String label, String expect) {
        tap(label);
        return awaitLast(m -> m.plainText().contains(expect));
    }

    /**
     * Taps the button starting with {@code label} on the newest message that has buttons, and looks
     * away.
     */
    void tap(String label) {
        SentMessage withButtons =
                telegram.chat(id).stream()
                        .filter(SentMessage::hasKeyboard)
                        .reduce((first, second) -> second)
                        .orElseThrow(() -> new AssertionError("no buttons on screen"));
        delivery.deliver(
                telegram.callbackUpdateJson(
                        id, id, withButtons.messageId(), withButtons.button(label).callbackData()));
    }

    /**
     * Does {@code action} and waits until a message sent or changed since contains {@code expect}:
     * for turns that answer with several messages, or a photo or document after the text.
     */
    SentMessage after(Runnable action, String expect) {
        return replies.after(action, expect);
    }

    /**
     * This user playing a {@link Conversation}, typing at a person's pace on the bot's {@code
     * clock}: the flood guard allows three typed messages a second of that clock, and a script
     * without pauses would hear "one moment…" and never its answer.
     */
    Conversation.Player player(TestClock clock) {
        return new Conversation.Player() {
            @Override
            public void command(String name, String argument, String expect) {
                clock.advance(Chat.HUMAN_PACE);
                String text = ("/" + name + " " + argument).strip();
                after(() -> delivery.deliver(telegram.privateTextUpdateJson(id, text)), expect);
            }

            @Override
            public void press(String label, String expect) {
                after(() -> tap(label), expect);
            }

            @Override
            public boolean later(Duration time) {
                clock.advance(time);
                return true;
            }
        };
    }

    SentMessage awaitLast(Predicate<SentMessage> match) {
        return replies.awaitLast(match);
    }

    SentMessage last() {
        return telegram.lastIn(id);
    }
}
