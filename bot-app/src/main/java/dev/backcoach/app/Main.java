package dev.backcoach.app;

import dev.backcoach.core.service.StoreUnavailableException;

/** Starts BackCoach. With no platform token set, it chats on the terminal. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        // Before any JDK HTTP server class loads (see WebhookReceiver): answers must not wait for Nagle.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String discord = System.getenv("DISCORD_BOT_TOKEN");
        if (discord != null && !discord.isBlank()) {
            // The Discord adapter arrives in a later version; never run silently without it.
            fail(2, "DISCORD_BOT_TOKEN is set, but this version has no Discord adapter yet: unset it.");
        }
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
            // e.g. Telegram refusing the token or not answering; messages can carry the API URL
            String token = config.telegram().map(t -> t.token()).orElse("\u0000");
            fail(1, "Cannot start: " + String.valueOf(e.getMessage()).replace(token, "***"));
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
