package dev.backcoach.telegram.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Telegram's broadcast limits, watched over rolling windows: about 30 messages a second per bot,
 * about one a second per chat (a short burst is tolerated), 20 a minute per group. One report per
 * episode: a window that stays over its limit is reported once, and again only after it has dropped
 * back under.
 *
 * <p>Not thread-safe; {@link FakeBotApi} calls it under its lock.
 */
final class RateWatch {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private volatile int globalPerSecond;
    private volatile int perChatPerSecond;
    private volatile int groupPerMinute;

    private final Deque<Long> global = new ArrayDeque<>();
    private final Map<Long, Deque<Long>> perChat = new HashMap<>();
    private final Set<String> over = new HashSet<>();

    RateWatch(int globalPerSecond, int perChatPerSecond, int groupPerMinute) {
        limits(globalPerSecond, perChatPerSecond, groupPerMinute);
    }

    void limits(int globalPerSecond, int perChatPerSecond, int groupPerMinute) {
        if (globalPerSecond < 1 || perChatPerSecond < 1 || groupPerMinute < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.globalPerSecond = globalPerSecond;
        this.perChatPerSecond = perChatPerSecond;
        this.groupPerMinute = groupPerMinute;
    }

    /**
     * Records one outgoing message (send or edit) to {@code chatId} at {@code nanos} ({@link
     * System#nanoTime()}), returning the limits this call exceeded, newly, as readable text.
     */
    Optional<String> record(String method, long chatId, long nanos) {
        StringBuilder report = new StringBuilder();
        global.addLast(nanos);
        prune(global, nanos - SECOND);
        check(
                "global",
                global.size(),
                globalPerSecond,
                report,
                global.size()
                        + " sends/edits to all chats within 1 s "
                        + "(limit "
                        + globalPerSecond
                        + "/s per bot)");

        Deque<Long> chat = perChat.computeIfAbsent(chatId, k -> new ArrayDeque<>());
        chat.addLast(nanos);
        prune(chat, nanos - MINUTE);
        if (chatId < 0) {
            check(
                    "group:" + chatId,
                    chat.size(),
                    groupPerMinute,
                    report,
                    chat.size()
                            + " sends/edits to group "
                            + chatId
                            + " within 1 min (limit "
                            + groupPerMinute
                            + "/min per group)");
        }
        int lastSecond = 0;
        for (Long t : chat) {
            if (t >= nanos - SECOND) {
                lastSecond++;
            }
        }
        check(
                "chat:" + chatId,
                lastSecond,
                perChatPerSecond,
                report,
                lastSecond
                        + " sends/edits to chat "
                        + chatId
                        + " within 1 s (Telegram allows about 1/s per chat; burst limit "
                        + perChatPerSecond
                        + ")");
        return report.length() == 0
                ? Optional.empty()
                : Optional.of(method + ": rate limit: " + report);
    }

    private void check(String key, int count, int limit, StringBuilder report, String text) {
        if (count > limit) {
            if (over.add(key)) {
                if (report.length() > 0) {
                    report.append("; ");
                }
                report.append(text);
            }
        } else {
            over.remove(key);
        }
    }

    private static void prune(Deque<Long> times, long before) {
        while (!times.isEmpty() && times.peekFirst() < before) {
            times.removeFirst();
        }
    }
}
