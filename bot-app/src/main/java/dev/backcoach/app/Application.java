package dev.backcoach.app;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.JdbcStateStore;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the bot together: database, store, service, housekeeping and the console. */
final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);
    /** Replies of handled events are kept this long for re-deliveries, then purged. */
    static final Duration EVENT_RETENTION = Duration.ofDays(7);

    private final Database database;
    private final ScheduledExecutorService background;
    private final ConversationService service;
    private final ConsoleAdapter console;

    Application(AppConfig config, InputStream in, PrintStream out) {
        Clock clock = Clock.systemUTC();
        Catalog catalog = CatalogLoader.load("en");
        this.database = Database.open(config.database());
        JdbcStateStore store = new JdbcStateStore(database, clock);
        this.background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "background");
            thread.setDaemon(true);
            return thread;
        });
        ConsoleAdapter[] consoleRef = new ConsoleAdapter[1];
        this.service = new ConversationService(catalog, store, clock, effect -> consoleRef[0].onEffect(effect),
                config.sessionCache());
        this.console = new ConsoleAdapter(in, out, service, background);
        consoleRef[0] = console;
        background.scheduleWithFixedDelay(this::probe, 5, 5, TimeUnit.SECONDS);
        background.scheduleWithFixedDelay(() -> purge(store, clock), 1, 60, TimeUnit.MINUTES);
    }

    void runConsole() throws java.io.IOException {
        console.run();
    }

    private void probe() {
        boolean wasUp = service.health().state().up();
        service.health().probe();
        if (wasUp != service.health().state().up()) {
            log.warn("database is {}", service.health().state().up() ? "reachable again" : "unreachable");
        }
    }

    private static void purge(JdbcStateStore store, Clock clock) {
        try {
            int purged = store.purgeEventsBefore(clock.instant().minus(EVENT_RETENTION));
            log.debug("purged {} handled events older than {}", purged, EVENT_RETENTION);
        } catch (RuntimeException e) {
            log.warn("could not purge old events: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
        database.close();
    }
}
