package dev.backcoach.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The HTTP client for the Bot API and who the bot is (getMe, which also proves the token). It needs
 * nothing from the rest of the bot, so start-up opens it beside the database and the catalogs: the
 * round trip to Telegram and the client's TLS set-up overlap them instead of following them. The
 * receiver is made here too: polling deletes the webhook, the webhook listens; both hand updates to
 * the bot once start-up has built it (see {@link AwaitedBot}).
 *
 * @param username the bot's @name, for commands addressed to it in groups
 * @param polling in polling mode, the receiver that polls once given the bot; else null
 * @param webhook in webhook mode, the receiver listening for Telegram; else null
 */
public record TelegramConnection(
        TelegramSettings settings,
        OkHttpClient http,
        ObjectMapper json,
        TelegramUrl url,
        OkHttpTelegramClient client,
        String username,
        @Nullable PollingReceiver polling,
        @Nullable WebhookReceiver webhook) {

    /**
     * @throws TelegramApiException when Telegram refuses the token or cannot be reached
     * @throws IOException when the webhook's port is taken
     */
    public static TelegramConnection open(TelegramSettings settings)
            throws TelegramApiException, IOException {
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
        dispatcher.setMaxRequests(128);
        // OkHttp's default of 5 would cap sends far below the budget.
        dispatcher.setMaxRequestsPerHost(64);
        OkHttpClient.Builder builder =
                new OkHttpClient.Builder()
                        .dispatcher(dispatcher)
                        // Keep as many connections as may be busy at once (OkHttp keeps 5): else
                        // each burst of sends opens new ones, and over HTTPS each costs a
                        // handshake.
                        .connectionPool(
                                new ConnectionPool(
                                        dispatcher.getMaxRequestsPerHost(), 5, TimeUnit.MINUTES))
                        .eventListenerFactory(HandOver.FACTORY) // reminders: see HandOver
                        .connectTimeout(Duration.ofSeconds(10))
                        .readTimeout(Duration.ofSeconds(75)); // above getUpdates' 50 s long poll
        if ("http".equals(settings.apiUrl().getScheme())) {
            // A local Bot API server over plain HTTP needs no TLS: without this, the client loads
            // the JDK's trust store and TLS providers anyway, most of this strand's start-up CPU.
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        OkHttpClient http = builder.build();
        ObjectMapper json = new ObjectMapper();
        TelegramUrl url =
                TelegramUrl.builder()
                        .schema(settings.apiUrl().getScheme())
                        .host(settings.apiUrl().getHost())
                        .port(
                                settings.apiUrl().getPort() > 0
                                        ? settings.apiUrl().getPort()
                                        : "https".equals(settings.apiUrl().getScheme()) ? 443 : 80)
                        .testServer(false)
                        .build();
        OkHttpTelegramClient client = new DirectTelegramClient(json, http, settings.token(), url);
        try {
            String username = client.execute(new GetMe()).getUserName();
            boolean polls = settings.mode() == TelegramSettings.Mode.POLLING;
            PollingReceiver polling =
                    polls ? new PollingReceiver(settings.token(), url, http, json) : null;
            WebhookReceiver webhook = polls ? null : listen(settings, json);
            return new TelegramConnection(
                    settings, http, json, url, client, username, polling, webhook);
        } catch (TelegramApiException | IOException | RuntimeException e) {
            close(http);
            throw e;
        }
    }

    private static WebhookReceiver listen(TelegramSettings settings, ObjectMapper json)
            throws IOException {
        try {
            return new WebhookReceiver(
                    json,
                    settings.webhookPort(),
                    settings.webhookPath(),
                    settings.webhookMaxInFlight(),
                    Objects.requireNonNull(
                            settings.webhookSecret(), "webhook mode needs a secret"));
        } catch (BindException e) {
            throw new IOException(
                    "TELEGRAM_WEBHOOK_PORT "
                            + settings.webhookPort()
                            + " is taken: choose another ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }

    /**
     * Lets the client's threads and connections go (when start-up stops halfway, or at the end).
     */
    public void close() {
        if (webhook != null) {
            webhook.close();
        }
        if (polling != null) {
            try {
                polling.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LoggerFactory.getLogger(TelegramConnection.class)
                        .warn("polling did not stop cleanly: {}", e.getMessage());
            }
        }
        close(http);
    }

    private static void close(OkHttpClient http) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "TelegramConnection[@" + username + "]"; // never the token or the URL that holds it
    }
}
