package dev.backcoach.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * The library's client, with its synchronous JSON methods (sendMessage, editMessageText,
 * answerCallbackQuery, ...) made on the calling thread. The library makes every synchronous call an
 * asynchronous one and waits for it: a hand-over to OkHttp's dispatcher thread (which renames
 * itself after the URL for each call), a future, and the URL built again from its parts. That was a
 * fifth of the bot's CPU under load; the callers here are the outbox's sender threads, which wait
 * anyway. Answers and errors are read by the method itself, as the library reads them, so a refusal
 * is the same {@code TelegramApiRequestException} (error code, retry_after). Uploads (photos,
 * documents) stay with the library.
 */
final class DirectTelegramClient extends OkHttpTelegramClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final ObjectMapper json;
    private final HttpUrl base;

    /** A URL per method name, built once: they hold the token, so they are never logged. */
    private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();

    DirectTelegramClient(ObjectMapper json, OkHttpClient http, String token, TelegramUrl url) {
        super(json, http, token, url);
        this.http = http;
        this.json = json;
        HttpUrl.Builder base =
                new HttpUrl.Builder()
                        .scheme(url.getSchema())
                        .host(url.getHost())
                        .port(url.getPort())
                        .addPathSegment("bot" + token);
        if (url.isTestServer()) {
            base.addPathSegment("test");
        }
        this.base = base.build();
    }

    @Override
    public <T extends Serializable, Method extends BotApiMethod<T>> T execute(Method method)
            throws TelegramApiException {
        if (method == null) {
            throw new TelegramApiException("Parameter method can not be null");
        }
        String name = method.getMethod();
        String body;
        try {
            method.validate();
            body = json.writeValueAsString(method);
        } catch (TelegramApiValidationException | JsonProcessingException e) {
            // wrapped, as the library's synchronous call wraps what its asynchronous one throws
            throw new TelegramApiException("Unable to execute " + name + " method", e);
        }
        Request request =
                new Request.Builder()
                        .url(
                                urls.computeIfAbsent(
                                        name, n -> base.newBuilder().addPathSegment(n).build()))
                        .post(RequestBody.create(body, JSON))
                        .build();
        try (Response response = http.newCall(request).execute()) {
            return method.deserializeResponse(response.body().string());
        } catch (IOException e) {
            throw new TelegramApiException("Unable to execute " + name + " method", e);
        }
    }
}
