package dev.backcoach.app;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.storage.Database;
import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.JdbcStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every end-to-end test sets up: a fake platform, the real application on a SQLite file of its
 * own, and, afterwards, the application stopped and the fake's verdict on everything it was sent.
 * Subclasses add the platform; tests register one with {@code @RegisterExtension}.
 */
abstract class AppHarness<H extends AppHarness<H>>
        implements BeforeEachCallback, AfterEachCallback {
    static final Catalog CATALOG = CatalogLoader.load("en");

    private final Map<String, String> extraEnv = new HashMap<>();
    private @Nullable Clock clock;
    private @Nullable Path dir;
    private @Nullable Application app;

    /** Another variable for the application's environment, set before it starts. */
    H with(String name, String value) {
        extraEnv.put(name, value);
        return self();
    }

    /** The application's clock (a {@code TestClock}, say) instead of the system's. */
    H clock(Clock clock) {
        this.clock = clock;
        return self();
    }

    abstract H self();

    abstract Platform platform();

    /** Starts the fake platform; its variables for the application go into {@code env}. */
    abstract void startPlatform(Map<String, String> env) throws Exception;

    /**
     * Fails the test if the fake saw anything the real platform would refuse; then stops the fake.
     */
    abstract void checkAndStopPlatform() throws Exception;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("backcoach-e2e-");
        app = start(env());
    }

    /**
     * The environment the application started with: the fake, a fresh SQLite file, any free ops
     * port.
     */
    Map<String, String> env() throws Exception {
        Map<String, String> env = new HashMap<>();
        if (app == null) {
            startPlatform(env);
            extraEnv.putAll(Map.copyOf(env)); // the platform's part stays the same across restarts
        }
        env.putAll(extraEnv);
        env.put("DATABASE_URL", "jdbc:sqlite:" + dir().resolve("bot.db"));
        env.putIfAbsent("HTTP_PORT", "0"); // tests run side by side: never the default 8080
        return env;
    }

    /**
     * Stops the running application, if any, and starts it again on the same database with {@code
     * env}.
     */
    Application restart(Map<String, String> env) throws Exception {
        if (app != null) {
            app.close();
            app = null;
        }
        app = start(env);
        return app;
    }

    private Application start(Map<String, String> env) throws Exception {
        return clock == null ? Apps.start(env) : Apps.start(env, clock);
    }

    Application app() {
        if (app == null) {
            throw new IllegalStateException("the application is not running");
        }
        return app;
    }

    Path dir() {
        if (dir == null) {
            throw new IllegalStateException("no test is running");
        }
        return dir;
    }

    /** The user's session as stored now, read through a connection of the test's own. */
    Optional<Session> maybeStored(long userId) {
        try (Database db =
                Database.open(
                        new DatabaseSettings(
                                "jdbc:sqlite:" + dir().resolve("bot.db"), null, null))) {
            return new JdbcStateStore(db).load(new UserKey(platform(), Long.toString(userId)));
        }
    }

    Session stored(long userId) {
        return maybeStored(userId).orElseThrow();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (app != null) {
                app.close();
                app = null;
            }
            checkAndStopPlatform();
        } finally {
            deleteDir();
        }
    }

    private void deleteDir() throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        dir = null;
    }
}
