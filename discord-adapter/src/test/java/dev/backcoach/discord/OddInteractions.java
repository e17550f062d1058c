package dev.backcoach.discord;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.backcoach.core.service.InMemoryStateStore;
import dev.backcoach.discord.fake.FakeDiscord;
import dev.backcoach.discord.fake.InteractionLog;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The adapter on real JDA against the fake, for interactions Discord could send but the bot never
 * asked for: their outcome is an answer, or the bot's own line saying the interaction was lost and
 * why. The log is captured in memory (INFO and up of every logger).
 */
final class OddInteractions {
    static final Duration WAIT = RunningDiscord.WAIT;

    final FakeDiscord discord;
    private final RunningDiscord bot;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    OddInteractions() throws Exception {
        log.start();
        root.addAppender(log);
        bot = RunningDiscord.fake().start(new InMemoryStateStore(), Duration.ofMillis(1500));
        discord = bot.discord;
    }

    /** Acknowledged with content, or deferred and then given it. */
    static boolean answered(InteractionLog.@Nullable Outcome o) {
        return o != null
                && switch (o.ackType()) {
                    case 4, 7, 8 -> true;
                    case 5, 6 -> o.edits() + o.followUps() > 0;
                    default -> false;
                };
    }

    /** The bot's line reporting interaction {@code id} lost, or null. */
    @Nullable String lost(long id) {
        return lines().stream()
                .filter(l -> l.contains("Discord interaction " + id + " lost"))
                .findFirst()
                .orElse(null);
    }

    /**
     * ERROR lines, and any line carrying an exception (JDA's report of a listener that threw), but
     * for JDA refusing a payload it cannot read ({@link #unreadable}).
     */
    List<String> failures() {
        synchronized (log.list) {
            return log.list.stream()
                    .filter(
                            e ->
                                    e.getLevel() == ch.qos.logback.classic.Level.ERROR
                                            || e.getThrowableProxy() != null)
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> !m.startsWith(UNREADABLE))
                    .toList();
        }
    }

    private static final String UNREADABLE = "Got an unexpected Json-parse error";

    /**
     * Whether JDA refused interaction {@code id} while reading it (a field it requires missing or
     * of another type): it logs the payload with a WARN and the bot never sees it.
     */
    boolean unreadable(long id) {
        return lines().stream()
                .anyMatch(l -> l.startsWith(UNREADABLE) && l.contains("\"id\":\"" + id + "\""));
    }

    private List<String> lines() {
        synchronized (log.list) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    void stop() throws Exception {
        try {
            bot.close();
        } finally {
            root.detachAppender(log);
        }
    }
}
