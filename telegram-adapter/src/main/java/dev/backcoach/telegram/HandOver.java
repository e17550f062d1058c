package dev.backcoach.telegram;

import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Marks a reminder handed over at the moment its request is complete, before OkHttp flushes it to
 * Telegram. A process killed before that leaves the claim to be sent by the next run; killed after
 * it, the message is on its way and is not sent again. (Claimed as sent before the call, as before,
 * a kill while the call crossed to OkHttp's thread and was written lost the reminder: the fault
 * suite's polling crash loop found it.) telegrambots creates the OkHttp call on the calling thread,
 * which is how the call finds its gate.
 */
final class HandOver extends EventListener {
    private static final Logger log = LoggerFactory.getLogger(HandOver.class);
    private static final ThreadLocal<@Nullable OnceGate> CURRENT = new ThreadLocal<>();

    /** For the OkHttp client Telegram's calls go through. */
    static final EventListener.Factory FACTORY =
            call -> {
                OnceGate gate = CURRENT.get();
                return gate == null ? EventListener.NONE : new HandOver(gate);
            };

    private final OnceGate gate;

    private HandOver(OnceGate gate) {
        this.gate = gate;
    }

    /** Makes the call with {@code gate} told when its request is written. */
    static void call(OnceGate gate, Outbox.Call call, TelegramClient client)
            throws TelegramApiException {
        CURRENT.set(gate);
        try {
            call.run(client);
        } finally {
            CURRENT.remove();
        }
    }

    @Override
    public void requestBodyEnd(Call call, long byteCount) {
        handOver(call);
    }

    @Override
    public void requestHeadersEnd(Call call, Request request) {
        if (request.body() == null) {
            handOver(call);
        }
    }

    private void handOver(Call call) {
        try {
            gate.handedOver();
        } catch (RuntimeException e) {
            // Not recorded: the request must not go (a crash would then send it twice); the
            // outbox retries it.
            log.warn("a reminder could not be marked sent, its call waits: {}", e.getMessage());
            call.cancel();
        }
    }
}
