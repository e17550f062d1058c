package dev.backcoach.discord.fake;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Discord's rate-limit buckets, strictly: every answer carries its bucket's headers ({@code
 * X-RateLimit-Bucket}, {@code -Limit}, {@code -Remaining}, {@code -Reset}, {@code -Reset-After}),
 * and a request sent while its bucket is spent, or while a global limit holds (which interaction
 * routes are exempt from, as on Discord), is a violation: a client that reads the headers waits. A
 * bucket is a route with its major parameter (channel, guild, webhook or interaction token), as
 * Discord keys them.
 */
final class RateBuckets {
    /** Clock skew allowed between the fake's reset and the client's (which starts later). */
    private static final long GRACE_MILLIS = 25;

    private static final Pattern MAJOR =
            Pattern.compile("^/(channels|guilds|webhooks/\\d+|interactions/\\d+|webhooks)/([^/]+)");

    private final int limit;
    private final long windowMillis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * A global limit binds a client once its 429 has reached it; calls of other buckets already on
     * the wire by then are not held against it.
     */
    private static final long IN_FLIGHT_MILLIS = 250;

    private volatile long globalFrom;
    private volatile long globalUntil;

    private static final class Window {
        long start;
        int used;
        long blockedUntil;
    }

    /** Headers for one answer: the bucket's after this request counted. */
    record Headers(String bucket, int limit, int remaining, long resetAfterMillis) {}

    RateBuckets(int limit, long windowMillis) {
        this.limit = limit;
        this.windowMillis = windowMillis;
    }

    static boolean interactionRoute(String path) {
        return path.startsWith("/interactions/") || path.startsWith("/webhooks/");
    }

    /** The bucket's hash: the same for every major parameter of a route, as on Discord. */
    static String hash(String method, String path) {
        Matcher m = MAJOR.matcher(path);
        String template = m.find() ? m.group(1) + "/{major}" + path.substring(m.end()) : path;
        template = template.replaceAll("/\\d+", "/{id}");
        return String.format(Locale.ROOT, "%08x", (method + " " + template).hashCode());
    }

    private static String key(String method, String path) {
        Matcher m = MAJOR.matcher(path);
        return hash(method, path) + ":" + (m.find() ? m.group(2) : "");
    }

    /** Why this request should have waited, or null; counts it in its bucket either way. */
    synchronized @Nullable String take(String method, String path, long now) {
        String problem = null;
        if (!interactionRoute(path)
                && now > globalFrom + IN_FLIGHT_MILLIS
                && now + GRACE_MILLIS < globalUntil) {
            problem =
                    method
                            + " "
                            + path
                            + " sent during a global rate limit ("
                            + (globalUntil - now)
                            + " ms left)";
        }
        Window w = windows.computeIfAbsent(key(method, path), k -> new Window());
        if (now + GRACE_MILLIS < w.blockedUntil) {
            problem =
                    method
                            + " "
                            + path
                            + " sent "
                            + (w.blockedUntil - now)
                            + " ms before its bucket's 429 Retry-After ended";
        }
        if (now - w.start >= windowMillis) {
            w.start = now;
            w.used = 0;
        }
        if (w.used >= limit && now + GRACE_MILLIS < w.start + windowMillis) {
            problem =
                    method
                            + " "
                            + path
                            + " sent with X-RateLimit-Remaining 0 ("
                            + (w.start + windowMillis - now)
                            + " ms before the reset)";
        }
        w.used++;
        return problem;
    }

    /** The headers of the answer to the request just taken. */
    synchronized Headers headers(String method, String path, long now) {
        Window w = windows.computeIfAbsent(key(method, path), k -> new Window());
        return new Headers(
                hash(method, path),
                limit,
                Math.max(0, limit - w.used),
                Math.max(1, w.start + windowMillis - now));
    }

    /** A 429 was answered: the bucket, or every classic route, waits {@code seconds}. */
    synchronized void limited(String method, String path, long seconds, boolean global, long now) {
        long until = now + seconds * 1000;
        if (global) {
            if (now >= globalUntil) {
                globalFrom = now;
            }
            globalUntil = Math.max(globalUntil, until);
        } else {
            Window w = windows.computeIfAbsent(key(method, path), k -> new Window());
            w.blockedUntil = Math.max(w.blockedUntil, until);
        }
    }
}
