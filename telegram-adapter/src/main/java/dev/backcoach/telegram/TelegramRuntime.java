package dev.backcoach.telegram;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.Catalogs;
import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.progress.Charts;
import dev.backcoach.core.service.ConversationService;
import dev.backcoach.core.service.Readiness;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Starts Telegram as configured: who the bot is (see {@link TelegramConnection}), then polling or
 * the webhook; the command list follows once the bot serves ({@link #publishProfile}). Ready (for
 * {@code /readyz}) while polls are answered, or while the webhook listens.
 */
@SuppressWarnings(
        "try") // close() passes on what the library's close() throws, InterruptedException included
public final class TelegramRuntime implements Readiness, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramRuntime.class);

    /** The commands of docs/runtime.md, in the order Telegram shows them. */
    static final List<String> COMMANDS = Engine.commands();

    private final TelegramBot bot;
    private final @Nullable PollingReceiver polling;
    private final @Nullable WebhookReceiver webhook;
    private final TelegramConnection connection;
    private final TelegramClient client;
    private final Catalogs catalogs;

    private TelegramRuntime(
            TelegramBot bot,
            @Nullable PollingReceiver polling,
            @Nullable WebhookReceiver webhook,
            TelegramConnection connection,
            TelegramClient client,
            Catalogs catalogs) {
        this.bot = bot;
        this.polling = polling;
        this.webhook = webhook;
        this.connection = connection;
        this.client = client;
        this.catalogs = catalogs;
    }

    public static TelegramRuntime start(
            TelegramSettings settings, ConversationService service, Catalog catalog)
            throws Exception {
        return start(settings, service, Catalogs.of(catalog));
    }

    /** With the command menu and descriptions in every language of {@code catalogs}. */
    public static TelegramRuntime start(
            TelegramSettings settings, ConversationService service, Catalogs catalogs)
            throws Exception {
        return start(
                settings,
                service,
                catalogs,
                Charts.textOnly(catalogs.english().text("chart.failed")));
    }

    /**
     * @param charts draws the progress charts replies carry (off the turn path)
     */
    public static TelegramRuntime start(
            TelegramSettings settings,
            ConversationService service,
            Catalogs catalogs,
            Charts charts)
            throws Exception {
        return start(TelegramConnection.open(settings), service, catalogs, charts);
    }

    /** On a connection opened beforehand (see {@link TelegramConnection}). */
    public static TelegramRuntime start(
            TelegramConnection connection,
            ConversationService service,
            Catalogs catalogs,
            Charts charts)
            throws Exception {
        TelegramSettings settings = connection.settings();
        OkHttpTelegramClient client = connection.client();
        String username = connection.username();
        TelegramBot bot =
                new TelegramBot(
                        service,
                        client,
                        username,
                        settings.sendRate(),
                        settings.chatRate(),
                        charts);
        PollingReceiver polling = null;
        WebhookReceiver webhook = null;
        if (settings.mode() == TelegramSettings.Mode.WEBHOOK) {
            webhook = Objects.requireNonNull(connection.webhook(), "webhook mode listens");
            webhook.serve(bot);
            if (settings.webhookUrl() != null) {
                client.execute(
                        SetWebhook.builder()
                                .url(settings.webhookUrl().toString())
                                .secretToken(settings.webhookSecret())
                                .allowedUpdates(List.of("message", "callback_query"))
                                .build());
                log.info("webhook registered with Telegram");
            }
        } else {
            polling = Objects.requireNonNull(connection.polling(), "polling mode polls");
            polling.serve(bot);
        }
        log.info(
                "Telegram bot @{} started in {} mode",
                username,
                settings.mode().name().toLowerCase(Locale.ROOT));
        return new TelegramRuntime(bot, polling, webhook, connection, client, catalogs);
    }

    public TelegramBot bot() {
        return bot;
    }

    /**
     * Publishes what Telegram shows before a chat: the command menu and the descriptions in every
     * language (nine calls, about a second against Telegram). It does not hold up serving updates:
     * the app calls this once the bot serves, and it runs on a thread of its own.
     */
    public void publishProfile() {
        DaemonThreads.named("telegram-profile")
                .newThread(
                        () -> {
                            try {
                                BotProfile.publish(client, catalogs, COMMANDS);
                            } catch (TelegramApiException | RuntimeException e) {
                                log.warn(
                                        "could not publish the command menu and descriptions: {}",
                                        e.getMessage());
                            }
                        })
                .start();
    }

    @Override
    public Optional<String> problem() {
        if (polling != null) {
            return polling.problem();
        }
        return webhook != null && webhook.closing() ? Optional.of("stopping") : Optional.empty();
    }

    /**
     * Stops taking updates: the webhook refuses new requests, polling stops. Then waits up to
     * {@code max} for the updates already taken, whose turns commit and whose replies are queued.
     */
    public void stopReceiving(Duration max) throws Exception {
        if (polling != null) {
            polling.stop(max);
        }
        if (webhook != null) {
            webhook.stop(max);
        }
    }

    /** Stops receiving, then lets queued replies go out within {@code flush} and closes. */
    public void stop(Duration flush) throws Exception {
        stopReceiving(flush);
        flushAndClose(flush);
    }

    /**
     * After {@link #stopReceiving}: lets queued replies go out within {@code flush}; anything left
     * is logged as not sent.
     */
    public void flushAndClose(Duration flush) throws Exception {
        if (!bot.flush(flush)) {
            log.warn("replies still queued after {}: they are logged as not sent", flush);
        }
        close();
    }

    @Override
    public void close() throws Exception {
        if (polling != null) {
            polling.close();
        }
        if (webhook != null) {
            webhook.close();
        }
        bot.close();
        connection.close();
    }
}
