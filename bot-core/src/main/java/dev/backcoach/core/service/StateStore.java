package dev.backcoach.core.service;

import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where everything about users lives durably. The cache in front of it is never the source of
 * truth. Implementations: in memory (tests, trying out), SQLite and PostgreSQL ({@code
 * bot-storage}).
 */
public interface StateStore {

    Optional<Session> load(UserKey user);

    /**
     * Commits one turn atomically: the session (only if the stored version is still {@code
     * expectedVersion}; 0 means not stored yet), the turn's durable effects (ratings), and the
     * event's replies for replaying a re-delivered event. Nothing is written if anything fails. The
     * event decides first: a re-delivered event fails as a duplicate whatever the version.
     *
     * @throws DuplicateEventException when the turn's event was committed before; nothing was
     *     written
     * @throws ConcurrentUpdateException when someone else saved first; nothing was written
     * @throws StoreUnavailableException when the store cannot be reached; nothing was written
     */
    void commit(TurnRecord turn);

    /**
     * One round trip for a turn that has nothing to commit (a commit checks both itself): the
     * stored version of the user's session (0: none), so a cached session that another instance has
     * moved on is noticed, and the replies of {@code eventId} if that event was already committed,
     * so a re-delivery is answered, not run again. An empty {@code eventId} never matches.
     */
    Precheck precheck(UserKey user, String eventId);

    /**
     * True when every write to this store comes through this one service (SQLite, held by one
     * instance). A session the service cached as new is then known to have nothing stored, no
     * events either, and a turn that leaves it new needs no {@link #precheck}.
     */
    default boolean soleWriter() {
        return false;
    }

    /**
     * {@link #precheck} for a turn on the {@code cached} session; without a round trip when this is
     * the {@link #soleWriter} and the session is new: nothing stored then, no events either.
     */
    default Precheck precheck(Session cached, String eventId) {
        return cached.version() == 0 && soleWriter()
                ? Precheck.NOTHING_STORED
                : precheck(cached.user(), eventId);
    }

    /**
     * @param earlierReplies present when the event was already handled
     */
    record Precheck(long storedVersion, Optional<List<Reply>> earlierReplies) {
        static final Precheck NOTHING_STORED = new Precheck(0, Optional.empty());
    }

    /** The replies of an event already committed for this user, for answering a re-delivery. */
    default Optional<List<Reply>> repliesOf(UserKey user, String eventId) {
        return precheck(user, eventId).earlierReplies();
    }

    /** Everything stored about the user, table by table, as plain values (for /export). */
    Map<String, Object> export(UserKey user);

    /**
     * Every stiffness rating the user logged, by their calendar day, oldest first (for /export's
     * summary).
     */
    java.util.SortedMap<java.time.LocalDate, Integer> ratingHistory(UserKey user);

    /**
     * The user's ratings, sessions and reminder days from their calendar day {@code from} on (for
     * /progress, its chart and the weekly summary).
     */
    dev.backcoach.core.progress.ProgressLog progressLog(UserKey user, java.time.LocalDate from);

    /** Deletes every row of the user in every table. Afterwards the user is new. */
    void forget(UserKey user);

    /** True when the store answers right now (for health reporting). */
    boolean reachable();

    /** Convenience for a turn without event or effects. */
    default void save(Session session, long expectedVersion) {
        commit(new TurnRecord(session, expectedVersion, "", List.of(), List.of()));
    }
}
