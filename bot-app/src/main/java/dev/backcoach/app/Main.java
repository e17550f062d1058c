package dev.backcoach.app;

import dev.backcoach.core.service.StoreUnavailableException;

/** Starts BackCoach. With no platform token set, it chats on the terminal. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        for (String token : new String[] {"TELEGRAM_BOT_TOKEN", "DISCORD_BOT_TOKEN"}) {
            String value = System.getenv(token);
            if (value != null && !value.isBlank()) {
                // The platform adapters arrive in later versions; never run silently without them.
                fail(2, token + " is set, but this version has no " + token.split("_")[0].toLowerCase()
                        + " adapter yet: unset it to chat on the terminal.");
            }
        }
        AppConfig config;
        try {
            config = AppConfig.fromEnvironment(System.getenv());
        } catch (ConfigException e) {
            fail(2, e.getMessage());
            return;
        }
        try (Application app = new Application(config, System.in, System.out)) {
            app.runConsole();
        } catch (StoreUnavailableException e) {
            fail(1, "Cannot start: " + e.getMessage());
        }
    }

    private static void fail(int status, String line) {
        System.err.println(line);
        System.exit(status);
    }
}
