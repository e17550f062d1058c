package dev.backcoach.telegram.fake;

import dev.backcoach.telegram.fake.FakeBotApi.Fault;
import dev.backcoach.telegram.fake.FakeBotApi.Storm;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * What goes wrong with the next calls: queued failures per method (failNext), the storm, and the
 * slowdown. A queued failure wins over the storm. Guarded by the fake's lock, except the storm.
 */
final class FaultPlan {

    /** An error answer instead of the result. */
    record Failure(int code, String description, Integer retryAfter) {}

    /**
     * What happens to one call: a failure (or null), how long it waits before it is carried out
     * (the slowdown), and how long its answer is held back after it was carried out (a storm's late
     * answer: the client may give up and send it again, and must find it done once, in order).
     */
    record Outcome(Failure failure, Duration delay, Duration lateAnswer) {}

    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private Duration slowdown = Duration.ZERO;
    private volatile Storm storm = (method, nanos) -> null;

    /** {@code method} as the spec spells it. */
    void failNext(String method, int times, int errorCode, String description, Integer retryAfter) {
        Deque<Failure> queue = failures.computeIfAbsent(method, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(new Failure(errorCode, description, retryAfter));
        }
    }

    void storm(Storm storm) {
        this.storm = storm;
    }

    void slowdown(Duration delay) {
        slowdown = delay;
    }

    /** Takes the next fault for a call of {@code method} at {@code nanos} on the rate clock. */
    Outcome next(String method, long nanos) {
        Deque<Failure> queue = failures.get(method);
        Failure failure = queue == null ? null : queue.pollFirst();
        Duration lateAnswer = Duration.ZERO;
        Fault fault = method.equals("getUpdates") ? null : storm.at(method, nanos);
        if (fault != null && failure == null) {
            if (fault.code() > 0) {
                failure = new Failure(fault.code(), fault.description(), fault.retryAfter());
            } else {
                lateAnswer = fault.delay();
            }
        }
        return new Outcome(failure, slowdown, lateAnswer);
    }
}
