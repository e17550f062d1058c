package dev.backcoach.app;

import dev.backcoach.core.service.StoreUnavailableException;

/** Starts BackCoach. With no platform token set, it chats on the terminal. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        // Before any JDK HTTP server class loads (see WebhookReceiver): answers must not wait for Nagle.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            fail(2, e.getMessage());
            return;
        }
        Application app;
        try {
            app = new Application(config, System.in, System.out);
        } catch (StoreUnavailableException e) {
            fail(1, "Cannot start: " + e.getMessage());
            return;
        } catch (Exception e) {
            // e.g. Telegram or Discord refusing the token or not answering; messages can carry the API URL
            String telegram = config.telegram().map(t -> t.token()).orElse("\u0000");
            String discord = config.discord().map(d -> d.token()).orElse("\u0000");
            fail(1, "Cannot start: " + String.valueOf(e.getMessage()).replace(telegram, "***").replace(discord, "***"));
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        app.run();
        app.close();
    }

    private static void fail(int status, String line) {
        System.err.println(line);
        System.exit(status);
    }
}
