package dev.backcoach.app;

import static org.awaitility.Awaitility.await;

import dev.backcoach.telegram.fake.FakeBotApi;
import dev.backcoach.telegram.fake.SentMessage;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A person in a private chat with the bot on the fake Telegram: types, taps, and reads the screen.
 */
final class TelegramUser {
    static final Duration WAIT = Duration.ofSeconds(20);

    /** How an update reaches the bot: queued for long polling, or POSTed to the webhook. */
    interface Delivery {
        void deliver(String updateJson);
    }

    final long id;
    private final FakeBotApi telegram;
    private final Delivery delivery;

    TelegramUser(FakeBotApi telegram, long id) {
        this(telegram, id, telegram::enqueue);
    }

    TelegramUser(FakeBotApi telegram, long id, Delivery delivery) {
        this.telegram = telegram;
        this.id = id;
        this.delivery = delivery;
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

    SentMessage awaitLast(Predicate<SentMessage> match) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(10))
                .until(() -> !telegram.chat(id).isEmpty() && match.test(telegram.lastIn(id)));
        return telegram.lastIn(id);
    }

    SentMessage last() {
        return telegram.lastIn(id);
    }
}
