package dev.backcoach.core.service;

import java.time.Duration;

/** Size and idle expiry of the session cache. */
public record CacheSettings(long maximumSize, Duration expireAfterAccess) {
    public static final CacheSettings DEFAULT = new CacheSettings(100_000, Duration.ofMinutes(30));
}
