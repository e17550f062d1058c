package dev.backcoach.app;

import dev.backcoach.core.service.StoreUnavailableException;
import dev.backcoach.storage.UnusableDatabaseUrl;
import java.time.Clock;
import java.util.Locale;

/**
 * Starts BackCoach. With no platform token set, it chats on the terminal. SIGTERM (and Ctrl-C) stop
 * it gracefully, see {@link Application#close}, with exit code 0.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        // Before any JDK HTTP server class loads (see WebhookReceiver): answers must not wait for
        // Nagle.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // Progress charts are drawn on servers without a display.
        System.setProperty("java.awt.headless", "true");
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            fail(2, String.valueOf(e.getMessage()));
            return;
        }
        // Before the first logger: LogSetup reads these (system properties win over the
        // environment), so it sees the validated, normalised values.
        System.setProperty("LOG_FORMAT", config.logFormat().name().toLowerCase(Locale.ROOT));
        System.setProperty("LOG_LEVEL", config.logLevel());
        // Before the first logger too: what needs only the configuration starts at once.
        Strands strands = Strands.begin(config);
        Application app;
        try {
            Beside.await(strands.logging()); // before Application's own logger: see Strands
            app = new Application(config, strands, System.in, System.out, Clock.systemUTC());
        } catch (UnusableDatabaseUrl e) {
            fail(2, "DATABASE_URL is invalid: expected " + e.getMessage());
            return;
        } catch (StoreUnavailableException e) {
            fail(1, "Cannot start: " + e.getMessage());
            return;
        } catch (Exception e) {
            // e.g. Telegram or Discord refusing the token or not answering, or HTTP_PORT taken;
            // messages can carry the API URL
            fail(
                    1,
                    "Cannot start: "
                            + config.redact(String.valueOf(e.getMessage()))
                            + (e instanceof java.net.BindException
                                    ? " (HTTP_PORT "
                                            + config.effectiveHttpPort().orElse(0)
                                            + " is taken: choose another, or 0 for any free port)"
                                    : ""));
            return;
        }
        // Handled here instead of by the JVM's default, which would exit with 143 (128 + SIGTERM).
        Signals.onTerminate(
                () -> {
                    app.close();
                    System.exit(0);
                });
        // Any other way out (System.exit elsewhere, a last non-daemon thread ending) still closes
        // cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        app.run();
        app.close();
        System.exit(0);
    }

    private static void fail(int status, String line) {
        System.err.println(line);
        System.exit(status);
    }
}
