package dev.backcoach.discord.fake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * What goes wrong with the fake's REST answers: failures queued for matching calls ({@link
 * FakeDiscord#failNext}), a fault policy deciding per call ({@link FakeDiscord#faults}), and, once
 * enabled, strict rate-limit buckets whose headers every answer carries.
 */
final class RestFaults {
    private record Failure(
            String method, Pattern path, int status, double retryAfter, int[] left) {}

    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();

    /**
     * Calls answered 502-504 lately, by method and path: JDA sends such a call again after 0.5-4 s
     * from inside its request, without asking its rate limiter, so a repeat is not held to limits
     * that arose meanwhile (it is counted as "repeat of a 5xx during a limit").
     */
    private final Map<String, Long> repeatable = new ConcurrentHashMap<>();

    private final Consumer<String> violation;
    private volatile FakeDiscord.@Nullable Faults policy;
    private volatile @Nullable RateBuckets buckets;

    RestFaults(Consumer<String> violation) {
        this.violation = violation;
    }

    void failNext(String method, String pathRegex, int count, int status, double seconds) {
        failures.add(
                new Failure(
                        method, Pattern.compile(pathRegex), status, seconds, new int[] {count}));
    }

    void policy(FakeDiscord.Faults policy) {
        this.policy = policy;
    }

    void buckets(int limit, long windowMillis) {
        buckets = new RateBuckets(limit, windowMillis);
    }

    Map<String, Integer> injected() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        injected.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** The failure this call gets instead of being served, or null to serve it. */
    @Nullable MockResponse before(String method, String path) {
        FakeDiscord.Fault fault = null;
        for (Failure failure : failures) {
            synchronized (failure) {
                if (failure.method.equals(method)
                        && failure.path.matcher(path).matches()
                        && failure.left[0] > 0) {
                    failure.left[0]--;
                    fault = new FakeDiscord.Fault(failure.status, failure.retryAfter, false);
                    break;
                }
            }
        }
        FakeDiscord.Faults current = policy;
        if (fault == null && current != null) {
            fault = current.next(method, path);
        }
        if (fault != null && fault.global() && RateBuckets.interactionRoute(path)) {
            fault = null; // Discord's global limit does not apply to interaction routes
        }
        RateBuckets strict = buckets;
        long now = System.currentTimeMillis();
        String call = method + " " + path;
        if (fault != null && fault.status() != 429) {
            count(fault.status() + "");
            repeatable.put(call, now);
            return Responses.error(fault.status(), 0, "Injected failure");
        }
        if (strict != null) {
            String problem = strict.take(method, path, now);
            Long failedAt = repeatable.remove(call);
            if (problem != null && failedAt != null && now - failedAt < 8_000) {
                count("repeat of a 5xx during a limit");
            } else if (problem != null) {
                violation.accept("rate limit ignored: " + problem);
            }
        }
        if (fault == null) {
            return null;
        }
        count(fault.global() ? "429 global" : "429 route");
        long whole = (long) Math.ceil(fault.retryAfter());
        if (strict != null) {
            strict.limited(method, path, whole, fault.global(), now);
        }
        return Responses.tooManyRequests(
                fault.retryAfter(), RateBuckets.hash(method, path), fault.global());
    }

    /** {@code served} with its bucket's headers when buckets are on. */
    MockResponse after(String method, String path, MockResponse served) {
        RateBuckets strict = buckets;
        if (strict == null || served.getCode() >= 400) {
            return served;
        }
        return Responses.withBucket(
                served, strict.headers(method, path, System.currentTimeMillis()));
    }

    private void count(String what) {
        injected.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }
}
