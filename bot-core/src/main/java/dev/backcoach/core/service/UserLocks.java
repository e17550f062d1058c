package dev.backcoach.core.service;

import dev.backcoach.core.model.UserKey;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes turns per user with a fixed set of striped locks: bounded memory whatever the number
 * of users, at the price of two users occasionally sharing a stripe.
 */
final class UserLocks {
    private final ReentrantLock[] stripes;

    UserLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(UserKey user) {
        int hash = user.hashCode();
        hash ^= hash >>> 16;
        return stripes[Math.floorMod(hash, stripes.length)];
    }
}
