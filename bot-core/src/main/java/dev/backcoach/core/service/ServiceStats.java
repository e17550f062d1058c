package dev.backcoach.core.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;

/** What monitoring reads from the service: the session cache and the turns in flight. Read-only. */
public final class ServiceStats {
    private final Cache<UserKey, Session> cache;
    private final TurnsInFlight inFlight;

    ServiceStats(Cache<UserKey, Session> cache, TurnsInFlight inFlight) {
        this.cache = cache;
        this.inFlight = inFlight;
    }

    /** Hits, misses and evictions of the session cache since start. */
    public CacheStats cache() {
        return cache.stats();
    }

    /** Sessions in the cache now (an estimate, as Caffeine counts them). */
    public long cachedSessions() {
        return cache.estimatedSize();
    }

    /** Turns being handled right now. */
    public int turnsInFlight() {
        return inFlight.running();
    }
}
