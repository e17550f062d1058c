package dev.backcoach.faults.discord;

import dev.backcoach.discord.fake.FakeDiscord;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * The storm's REST faults, decided call by call (seeded): 429s with their bucket headers, per route
 * everywhere and global where Discord applies a global limit (not on interaction routes), and
 * server errors, both those JDA retries (502, 503) and one it does not (500).
 */
final class StormFaults implements FakeDiscord.Faults {
    private final Random random;
    private volatile boolean on = true;

    StormFaults(long seed) {
        this.random = new Random(seed);
    }

    void off() {
        on = false;
    }

    @Override
    public synchronized FakeDiscord.@Nullable Fault next(String method, String path) {
        if (!on || path.startsWith("/applications/") || path.equals("/users/@me")) {
            return null; // start-up calls: a storm starts once the bot is up
        }
        double roll = random.nextDouble();
        if (path.startsWith("/interactions/")) {
            // The initial response: rare faults, or most answers would be late by design.
            return pick(roll, 0.04, 0.0, 0.03, 0.01, 1);
        }
        if (path.startsWith("/webhooks/")) {
            return pick(roll, 0.10, 0.0, 0.05, 0.02, 1 + random.nextInt(2));
        }
        return pick(roll, 0.10, 0.15, 0.05, 0.02, 1);
    }

    private FakeDiscord.@Nullable Fault pick(
            double roll, double route, double global, double retried, double fatal, int seconds) {
        if (roll < route) {
            return new FakeDiscord.Fault(429, seconds - 0.25 * random.nextDouble(), false);
        }
        roll -= route;
        if (roll < global) {
            return new FakeDiscord.Fault(429, seconds, true);
        }
        roll -= global;
        if (roll < retried) {
            return new FakeDiscord.Fault(random.nextBoolean() ? 502 : 503, 0, false);
        }
        roll -= retried;
        if (roll < fatal) {
            return new FakeDiscord.Fault(500, 0, false);
        }
        return null;
    }
}
