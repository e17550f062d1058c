package dev.backcoach.app;

import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.content.Languages;
import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.safety.Detectors;
import dev.backcoach.core.safety.RedFlagDetector;
import dev.backcoach.storage.Database;
import dev.backcoach.telegram.TelegramConnection;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The strands of start-up that need only the configuration, begun before anything else (even before
 * logging is set up) and awaited by {@link Application} where it first needs each: the database
 * (opened, and migrated when new), the English warning-sign detector, the catalogs and the engine
 * built on them, and Telegram's first round trip. Meanwhile the main thread sets up logging and
 * metrics. See {@link Beside}.
 *
 * @param telegram null when Telegram is off
 */
record Strands(
        CompletableFuture<ILoggerFactory> logging,
        CompletableFuture<Database> database,
        CompletableFuture<RedFlagDetector> screen,
        CompletableFuture<Catalogs> content,
        CompletableFuture<Engine> engine,
        @Nullable CompletableFuture<TelegramConnection> telegram) {

    static Strands begin(AppConfig config) {
        // Logging is set up once, before any thread asks for a logger: SLF4J would hand out
        // stand-ins meanwhile, and warn on stderr as it replays their lines. The strands that log
        // wait for it; the detector and the catalogs do not log.
        CompletableFuture<ILoggerFactory> logging =
                Beside.start("logging", LoggerFactory::getILoggerFactory);
        // A new database is migrated here (seven migrations): the longest strand on a first start.
        CompletableFuture<Database> database =
                Beside.start(
                        "database",
                        () -> {
                            Beside.await(logging);
                            return Database.openForServing(config.database());
                        });
        // The English detector starts at once, from the catalog's warning-sign rules alone (worked
        // out at build time, see ScreenImage), and the engine finds it built (see Detectors).
        CompletableFuture<RedFlagDetector> screen =
                Beside.start(
                        "screen",
                        () ->
                                Detectors.forRules(
                                        CatalogLoader.readRedFlags(Languages.ENGLISH),
                                        Languages.ENGLISH));
        CompletableFuture<Catalogs> content = Beside.start("content", Catalogs::load);
        // On the content thread, right after the catalogs.
        CompletableFuture<Engine> engine = content.thenApply(Engine::new);
        CompletableFuture<TelegramConnection> telegram =
                config.telegram().isPresent()
                        ? Beside.start(
                                "telegram-connect",
                                () -> {
                                    Beside.await(logging);
                                    return TelegramConnection.open(config.telegram().get());
                                })
                        : null;
        return new Strands(logging, database, screen, content, engine, telegram);
    }

    /**
     * When start-up fails: lets Telegram's connection go (its client's threads, and polling, which
     * would otherwise wait for a bot that will not come), now or when its strand ends.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // nothing waits for the closing
    void abandon() {
        if (telegram != null) {
            telegram.thenAccept(TelegramConnection::close);
        }
    }
}
