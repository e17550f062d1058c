package dev.backcoach.faults.outage;

import dev.backcoach.telegram.fake.FakeBotApi;
import dev.backcoach.telegram.fake.SentMessage;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * A person in a private chat: a realistic mix of commands, typed text and presses of the newest
 * buttons, one at a time, each waiting for its answer. What the bot shows is read from the fake;
 * any new message or edit in the chat counts as the answer.
 */
public final class ChatUser {
    private static final List<String> COMMANDS =
            List.of("/start", "/help", "/progress", "/settings", "/techniques", "/privacy");
    private static final List<String> TYPED =
            List.of(
                    "my lower back is stiff this morning",
                    "hello",
                    "what can you do?",
                    "it feels a bit better today",
                    "5");

    /** How an update reaches the bot: POSTed to its webhook, or queued for its long polling. */
    public interface Delivery {
        /** Delivers the update; returns the HTTP status the bot answered (200 when queued). */
        int deliver(String updateJson) throws InterruptedException;
    }

    /** What one action came to. */
    public record Outcome(
            boolean answered, long latencyMs, boolean apology, int status, String update) {}

    final long id;
    private final FakeBotApi telegram;
    private final Delivery delivery;
    private final Random random;
    private long settled;

    public ChatUser(long id, FakeBotApi telegram, Delivery delivery, long seed) {
        this.id = id;
        this.telegram = telegram;
        this.delivery = delivery;
        this.random = new Random(seed ^ id);
    }

    /**
     * How much the chat changed since the last answer settled: more than 0 before an action means
     * an answer nobody asked for (a duplicate).
     */
    public long unexpected() {
        return Math.max(0, signature() - settled);
    }

    /** One action: a third commands, a third typed text, a third presses of the newest buttons. */
    public Outcome act(String apologyText, long waitMs) throws InterruptedException {
        int pick = random.nextInt(3);
        @Nullable String update = null;
        if (pick == 2) {
            SentMessage withButtons = newestWithButtons();
            if (withButtons != null) {
                List<SentMessage.Button> buttons =
                        withButtons.buttons().stream()
                                .filter(b -> b.callbackData() != null)
                                .toList();
                if (!buttons.isEmpty()) {
                    SentMessage.Button button = buttons.get(random.nextInt(buttons.size()));
                    update =
                            telegram.callbackUpdateJson(
                                    id, id, withButtons.messageId(), button.callbackData());
                }
            }
        }
        if (update == null) {
            String text =
                    pick == 0
                            ? COMMANDS.get(random.nextInt(COMMANDS.size()))
                            : TYPED.get(random.nextInt(TYPED.size()));
            update = telegram.privateTextUpdateJson(id, text);
        }
        return send(update, apologyText, waitMs);
    }

    /** Sends {@code text} and waits for the answer. */
    public Outcome say(String text, String apologyText, long waitMs) throws InterruptedException {
        return send(telegram.privateTextUpdateJson(id, text), apologyText, waitMs);
    }

    private Outcome send(String update, String apologyText, long waitMs)
            throws InterruptedException {
        long before = signature();
        int lastId = lastMessageId();
        long start = System.nanoTime();
        int status = delivery.deliver(update);
        long deadline = start + waitMs * 1_000_000L;
        while (signature() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long latency = (System.nanoTime() - start) / 1_000_000L;
        boolean answered = signature() != before;
        Thread.sleep(300); // the rest of a multi-message answer
        settled = signature();
        boolean apology =
                telegram.chat(id).stream()
                        .filter(m -> m.messageId() > lastId)
                        .anyMatch(
                                m -> m.plainText() != null && m.plainText().contains(apologyText));
        return new Outcome(answered, latency, apology, status, update);
    }

    /** The last message shown, or null. */
    public @Nullable SentMessage last() {
        List<SentMessage> chat = telegram.chat(id);
        return chat.isEmpty() ? null : chat.get(chat.size() - 1);
    }

    private @Nullable SentMessage newestWithButtons() {
        List<SentMessage> chat = telegram.chat(id);
        for (int i = chat.size() - 1; i >= 0; i--) {
            if (chat.get(i).hasKeyboard()) {
                return chat.get(i);
            }
        }
        return null;
    }

    private int lastMessageId() {
        SentMessage last = last();
        return last == null ? 0 : last.messageId();
    }

    /** Messages and edits in the chat so far: grows with every answer. */
    private long signature() {
        long sum = 0;
        for (SentMessage m : telegram.chat(id)) {
            sum += 1 + m.edits();
        }
        return sum;
    }
}
