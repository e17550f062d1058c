package dev.backcoach.core.service;

import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.util.Optional;

/** Where sessions live durably. The cache in front of it is never the source of truth. */
public interface StateStore {

    Optional<Session> load(UserKey user);

    /**
     * Saves {@code session} only if the stored version is still {@code expectedVersion} (0: not
     * stored yet), so two instances cannot overwrite each other's turn.
     *
     * @throws ConcurrentUpdateException when someone else saved first
     * @throws StoreUnavailableException when the store cannot be reached; nothing was saved
     */
    void save(Session session, long expectedVersion);
}
