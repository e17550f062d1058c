package dev.backcoach.app;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.service.CacheSettings;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.InMemoryStateStore;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Starts BackCoach. With no platform token set, it chats on the terminal. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws IOException {
        for (String token : new String[] {"TELEGRAM_BOT_TOKEN", "DISCORD_BOT_TOKEN"}) {
            String value = System.getenv(token);
            if (value != null && !value.isBlank()) {
                // The platform adapters arrive in later versions; never run silently without them.
                System.err.println(token + " is set, but this version has no " + token.split("_")[0].toLowerCase()
                        + " adapter yet: unset it to chat on the terminal.");
                System.exit(2);
            }
        }
        Catalog catalog = CatalogLoader.load("en");
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "step-timers");
            thread.setDaemon(true);
            return thread;
        });
        ConsoleAdapter[] console = new ConsoleAdapter[1];
        ConversationService service = new ConversationService(catalog, new InMemoryStateStore(), Clock.systemUTC(),
                effect -> console[0].onEffect(effect), CacheSettings.DEFAULT);
        console[0] = new ConsoleAdapter(System.in, System.out, service, timers);
        console[0].run();
        timers.shutdownNow();
    }
}
