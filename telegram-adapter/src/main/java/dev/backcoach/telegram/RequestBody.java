package dev.backcoach.telegram;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Reading a webhook request's body, bounded: Telegram's updates are small. */
final class RequestBody {
    /** Anything larger is not from Telegram. */
    static final int MAX_BODY = 1 << 20;

    /**
     * How much of a refused body is still read, and thrown away. The server closes a connection
     * that has unread bytes, and that close resets it: the sender may then see the reset instead of
     * the 413. Only a sender that knows the secret gets this far.
     */
    static final long DISCARD_LIMIT = 8L * MAX_BODY;

    private RequestBody() {}

    /**
     * The request body, or null when it is larger than {@link #MAX_BODY}. Read into an array of the
     * announced length: reading an unknown length goes through 16 KiB buffers, the biggest
     * allocation of a request under load.
     */
    static byte @Nullable [] read(HttpExchange exchange) throws IOException {
        long announced = contentLength(exchange);
        try (InputStream in = exchange.getRequestBody()) {
            if (announced > MAX_BODY) {
                discard(in, announced);
                return null;
            }
            if (announced >= 0) {
                byte[] body = in.readNBytes((int) announced);
                return body;
            }
            byte[] body = in.readNBytes(MAX_BODY + 1); // chunked: no length given
            if (body.length > MAX_BODY) {
                discard(in, DISCARD_LIMIT);
                return null;
            }
            return body;
        }
    }

    /** Reads and drops up to {@code limit} bytes (at most {@link #DISCARD_LIMIT}). */
    private static void discard(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = Math.min(limit, DISCARD_LIMIT);
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            left -= read;
        }
    }

    /** The Content-Length header, or -1 when there is none or it is not a number. */
    private static long contentLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
