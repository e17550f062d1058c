package dev.backcoach.app;

import dev.backcoach.app.ops.Metrics;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.telegram.TelegramRuntime;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What start-up leaves for later, begun as soon as the bot serves: Telegram's command menu and
 * descriptions (on a thread of their own), then on one background thread the evening reminders
 * whose task a crash lost (put back from the stored plans: a query that grows with the users, so
 * start-up does not wait for it), the other languages' catalogs and voices (start-up reads English
 * only) and the JVM's own meters. None of it is needed to answer the first update, and all of it is
 * slow while the JIT is still cold. A turn in another language that comes sooner builds, or waits
 * for, its own language.
 */
final class AfterStart {
    private static final Logger log = LoggerFactory.getLogger(AfterStart.class);

    private AfterStart() {}

    /**
     * @param restoreReminders puts back lost reminder tasks and says how many
     */
    static void begin(
            Metrics metrics,
            ConversationService service,
            @Nullable TelegramRuntime telegram,
            IntSupplier restoreReminders) {
        if (telegram != null) {
            telegram.publishProfile();
        }
        Thread later =
                new Thread(
                        () -> {
                            try {
                                int restored = restoreReminders.getAsInt();
                                if (restored > 0) {
                                    log.info(
                                            "put back {} evening reminders whose task was missing",
                                            restored);
                                }
                            } catch (RuntimeException e) {
                                // The next start looks again; a plan change schedules anew.
                                log.warn("could not look for lost reminders: {}", e.getMessage());
                            }
                            try {
                                service.prepareAllLanguages();
                            } catch (RuntimeException e) {
                                log.error("a language cannot be spoken: {}", e.getMessage(), e);
                            }
                            metrics.bindJvm();
                        },
                        "after-start");
        later.setDaemon(true); // nothing to finish: whatever it has not built is built on demand
        later.start();
    }
}
