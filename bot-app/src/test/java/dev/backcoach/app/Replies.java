package dev.backcoach.app;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waiting for the bot's reply on one user's screen of a fake platform, the same on each: {@code M}
 * is the fake's message, read through its id and its text (null for one without text).
 */
final class Replies<M> {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(10);

    private final String where;
    private final Supplier<List<M>> screen;
    private final Function<M, Object> id;
    private final Function<M, String> text;

    /**
     * @param where names the screen in a failure ("in chat 5")
     * @param screen the messages the user sees, oldest first
     */
    Replies(
            String where,
            Supplier<List<M>> screen,
            Function<M, Object> id,
            Function<M, String> text) {
        this.where = where;
        this.screen = screen;
        this.id = id;
        this.text = text;
    }

    /**
     * Does {@code action} and waits until a message sent or changed since contains {@code expect}:
     * for turns that answer with several messages, or a file after the text.
     */
    M after(Runnable action, String expect) {
        Map<Object, String> before = new HashMap<>();
        screen.get().forEach(m -> before.put(id.apply(m), String.valueOf(text.apply(m))));
        action.run();
        Callable<Optional<M>> changed =
                () ->
                        screen.get().stream()
                                .filter(m -> text.apply(m) != null)
                                .filter(m -> !text.apply(m).equals(before.get(id.apply(m))))
                                .filter(m -> text.apply(m).contains(expect))
                                .findFirst();
        try {
            return await().atMost(WAIT)
                    .pollInterval(POLL)
                    .until(changed, Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no \"" + expect + "\" " + where + ": " + screen.get(), e);
        }
    }

    /** Waits until the newest message matches, and returns the newest then. */
    M awaitLast(Predicate<M> match) {
        await().atMost(WAIT)
                .pollInterval(POLL)
                .until(
                        () -> {
                            List<M> shown = screen.get();
                            return !shown.isEmpty() && match.test(shown.get(shown.size() - 1));
                        });
        List<M> shown = screen.get();
        return shown.get(shown.size() - 1);
    }
}
