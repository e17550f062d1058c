package dev.backcoach.discord.fake;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids as Discord makes them: milliseconds since 2015 in the top bits. They must be current: JDA
 * derives an interaction's 15-minute expiry from its id.
 */
final class Snowflakes {
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;
    private final AtomicLong counter = new AtomicLong();

    long next() {
        return ((System.currentTimeMillis() - DISCORD_EPOCH) << 22)
                | (counter.incrementAndGet() & 0x3FFFFF);
    }

    static Instant instantOf(long snowflake) {
        return Instant.ofEpochMilli((snowflake >>> 22) + DISCORD_EPOCH);
    }
}
