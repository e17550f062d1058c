package dev.backcoach.core.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.UserKey;
import java.time.Duration;
import java.time.Instant;

/**
 * A burst of typed messages from one user is answered once. Each user has a small bucket of turns
 * that refills by one a second; past it, the first message hears "one moment…" and the rest of the
 * burst is let go (it would only repeat what the user is about to see).
 */
final class FloodGuard {
    static final int BURST = 3;
    static final Duration REFILL = Duration.ofSeconds(1);

    enum Verdict {
        PASS,
        SLOW_DOWN,
        IGNORE
    }

    private static final class Bucket {
        double tokens = BURST;
        Instant last;
        boolean told;

        Bucket(Instant now) {
            this.last = now;
        }
    }

    private final Cache<UserKey, Bucket> buckets =
            Caffeine.newBuilder()
                    .expireAfterAccess(Duration.ofMinutes(1))
                    .maximumSize(1_000_000)
                    .build();

    Verdict check(UserKey user, Instant now) {
        if (user.platform() == Platform.CONSOLE) {
            return Verdict
                    .PASS; // the local terminal user is the operator, and scripts pipe answers fast
        }
        Bucket bucket = buckets.get(user, key -> new Bucket(now));
        synchronized (bucket) {
            double refilled =
                    Duration.between(bucket.last, now).toMillis() / (double) REFILL.toMillis();
            if (refilled > 0) {
                bucket.tokens = Math.min(BURST, bucket.tokens + refilled);
                bucket.last = now;
            }
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                bucket.told = false;
                return Verdict.PASS;
            }
            if (!bucket.told) {
                bucket.told = true;
                return Verdict.SLOW_DOWN;
            }
            return Verdict.IGNORE;
        }
    }
}
