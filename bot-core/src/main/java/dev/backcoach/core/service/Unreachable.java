package dev.backcoach.core.service;

import com.github.benmanes.caffeine.cache.Cache;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers that the platform refused delivery to a user (blocked bot, closed DMs), so nudges pause
 * until the user writes again. Saved like a turn: under the user's lock, with a version check.
 */
final class Unreachable {
    private static final Logger log = LoggerFactory.getLogger(Unreachable.class);

    private final StateStore store;
    private final Cache<UserKey, Session> cache;
    private final UserLocks locks;

    Unreachable(StateStore store, Cache<UserKey, Session> cache, UserLocks locks) {
        this.store = store;
        this.cache = cache;
        this.locks = locks;
    }

    void mark(UserKey user) {
        ReentrantLock lock = locks.of(user);
        lock.lock();
        try {
            for (int attempt = 1; attempt <= ConversationService.MAX_ATTEMPTS; attempt++) {
                Session current = store.load(user).orElse(null);
                if (current == null || current.unreachable()) {
                    return;
                }
                Session next = current.withUnreachable(true).withVersion(current.version() + 1);
                try {
                    store.commit(new TurnRecord(next, current.version(), "", List.of(), List.of()));
                    cache.put(user, next);
                    return;
                } catch (ConcurrentUpdateException e) {
                    cache.invalidate(user);
                }
            }
        } catch (StoreUnavailableException e) {
            log.warn("could not mark a {} user unreachable: {}", user.platform(), e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
