package dev.backcoach.core.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.engine.Engine;
import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Inbound;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.Turn;
import dev.backcoach.core.model.UserKey;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one turn at a time per user: loads the session (cache, then store), asks the engine, saves
 * the new session with a version check, and only then returns the replies. Whatever goes wrong, the
 * user gets a kind answer and the stored state stays as it was.
 */
public final class ConversationService {
    private static final Logger log = LoggerFactory.getLogger(ConversationService.class);

    /** Version conflicts come from another instance writing the same user; retries settle it. */
    static final int MAX_ATTEMPTS = 5;

    private final Engine engine;
    private final StateStore store;
    private final Clock clock;
    private final EffectHandler effects;
    private final Cache<UserKey, Session> cache;
    private final UserLocks locks = new UserLocks(1024);
    private final StoreHealth health;
    private final StoredReplies stored;
    private final Unreachable unreachable;
    private final FloodGuard flood = new FloodGuard();
    private final TurnObserver observer;
    private final TurnsInFlight inFlight = new TurnsInFlight();
    private final Apologies apologies;
    private final ServiceStats stats;

    public ConversationService(
            Catalog catalog,
            StateStore store,
            Clock clock,
            EffectHandler effects,
            CacheSettings cacheSettings) {
        this(catalog, store, clock, effects, cacheSettings, TurnObserver.NONE);
    }

    public ConversationService(
            Catalog catalog,
            StateStore store,
            Clock clock,
            EffectHandler effects,
            CacheSettings cacheSettings,
            TurnObserver observer) {
        this(new Engine(catalog), store, clock, effects, cacheSettings, observer);
    }

    /** Speaking every language of the engine (start-up builds it beside the database). */
    public ConversationService(
            Engine engine,
            StateStore store,
            Clock clock,
            EffectHandler effects,
            CacheSettings cacheSettings,
            TurnObserver observer) {
        this.observer = observer;
        this.engine = engine;
        this.store = store;
        this.clock = clock;
        this.effects = effects;
        this.health = new StoreHealth(store, clock);
        this.stored = new StoredReplies(engine, store, clock, new DataExport(store, clock));
        this.apologies = new Apologies(engine, health);
        this.cache =
                Caffeine.newBuilder()
                        .maximumSize(cacheSettings.maximumSize())
                        .expireAfterAccess(cacheSettings.expireAfterAccess())
                        .recordStats()
                        .build();
        this.stats = new ServiceStats(cache, inFlight);
        this.unreachable = new Unreachable(store, cache, locks);
    }

    /** Runs the turn and hands its replies to {@code channel}. */
    public void accept(Inbound inbound, ChannelPort channel) {
        Turn turn = handle(inbound);
        if (!turn.replies().isEmpty()) {
            channel.deliver(inbound.user(), inbound.chat(), turn.replies());
        }
    }

    public Turn handle(Inbound inbound) {
        long start = System.nanoTime();
        inFlight.begin();
        ReentrantLock lock = locks.of(inbound.user());
        lock.lock();
        try {
            return runTurn(inbound);
        } catch (Apologies.Failed failed) {
            return apologies.after(inbound, failed);
        } finally {
            lock.unlock();
            inFlight.end();
            observe(inbound, start);
        }
    }

    private void observe(Inbound inbound, long start) {
        try {
            observer.turnHandled(
                    inbound.user().platform(),
                    TurnsInFlight.kind(inbound),
                    System.nanoTime() - start);
        } catch (RuntimeException e) {
            log.warn("turn observer failed: {}", e.toString());
        }
    }

    /**
     * Waits until no turn is running, for a shutdown after the receivers stopped taking events.
     *
     * @return true when none is left, false when {@code max} passed first
     */
    public boolean awaitNoTurns(java.time.Duration max) throws InterruptedException {
        return inFlight.awaitNone(max);
    }

    /** Counts for monitoring: the session cache and the turns running now. */
    public ServiceStats stats() {
        return stats;
    }

    /**
     * The turn runs on the cached session and its commit checks everything at once: the stored
     * version (another instance may have moved the user on: reload and run again) and the event
     * (already committed: answer with its stored replies, never run it twice). A changing turn thus
     * costs one write and no read. A turn that changes nothing commits nothing, so it asks the
     * store first whether it is a re-delivery or ran on an old session (where it can be either).
     */
    private Turn runTurn(Inbound inbound) {
        UserKey user = inbound.user();
        for (int attempt = 1; ; attempt++) {
            Session current;
            try {
                current = cache.getIfPresent(user);
                if (current == null) {
                    current = store.load(user).orElseGet(() -> Session.fresh(user));
                    cache.put(user, current);
                }
            } catch (StoreUnavailableException e) {
                throw new Apologies.Failed(Session.fresh(user), null, e);
            }
            if (attempt == 1 && typed(inbound)) {
                FloodGuard.Verdict verdict = flood.check(user, clock.instant());
                if (verdict != FloodGuard.Verdict.PASS) {
                    log.debug("flood from a {} user: {}", user.platform(), verdict);
                    List<Reply> once =
                            verdict == FloodGuard.Verdict.SLOW_DOWN
                                    ? List.of(Reply.text(engine.text(current, "flood.wait")))
                                    : List.of();
                    return new Turn(current, once, List.of());
                }
            }
            Turn turn;
            try {
                turn = engine.handle(current, inbound, clock.instant());
            } catch (RuntimeException e) {
                log.error(
                        "engine failed on a {} event of type {}",
                        user.platform(),
                        inbound.getClass().getSimpleName(),
                        e);
                throw new Apologies.Failed(current, current, e);
            }
            if (turn.effects().stream().anyMatch(Effect.Forget.class::isInstance)) {
                return forget(user, current, turn);
            }
            if (turn.session().equals(current)) {
                StateStore.Precheck check;
                try {
                    check = store.precheck(current, inbound.eventId());
                } catch (StoreUnavailableException e) {
                    throw new Apologies.Failed(current, current, e);
                }
                if (check.earlierReplies().isPresent()) {
                    return new Turn(current, check.earlierReplies().get(), List.of());
                }
                if (check.storedVersion() != current.version() && attempt < MAX_ATTEMPTS) {
                    cache.invalidate(user); // ran on an old session: run again on the stored one
                    continue;
                }
                // Nothing to commit: a re-delivery of such a turn changes nothing either.
                applyEffects(turn.effects());
                return new Turn(
                        current,
                        stored.around(user, current, turn.replies(), turn.effects()),
                        turn.effects());
            }
            Session next = turn.session().withVersion(current.version() + 1);
            try {
                store.commit(
                        new TurnRecord(
                                next,
                                current.version(),
                                inbound.eventId(),
                                turn.replies(),
                                turn.effects()));
            } catch (DuplicateEventException e) {
                // A re-delivery of an event already committed: answer it again, never run it twice.
                cache.invalidate(user);
                return new Turn(current, e.earlierReplies(), List.of());
            } catch (ConcurrentUpdateException e) {
                cache.invalidate(user);
                if (attempt < MAX_ATTEMPTS) {
                    continue;
                }
                log.warn(
                        "gave up after {} version conflicts for a {} user",
                        attempt,
                        user.platform());
                return apologies.apology(current, "error.unavailable", current);
            } catch (StoreUnavailableException e) {
                cache.invalidate(user); // it may have committed after all: read what is stored
                throw new Apologies.Failed(current, current, e);
            }
            health.markUp();
            cache.put(user, next);
            applyEffects(turn.effects());
            return new Turn(
                    next,
                    stored.around(user, next, turn.replies(), turn.effects()),
                    turn.effects());
        }
    }

    /**
     * The user's session as stored now (maybe changed by another instance); empty if never seen.
     */
    public Optional<Session> storedSession(UserKey user) {
        return store.load(user);
    }

    /** Floods are typed: a tap answers what is on screen; a double tap is only a stale button. */
    private static boolean typed(Inbound inbound) {
        return inbound instanceof Inbound.Command || inbound instanceof Inbound.Text;
    }

    /**
     * The platform refused delivery (blocked bot, closed DMs): remember it so nudges pause. The
     * user's next message clears it again.
     */
    public void markUnreachable(UserKey user) {
        unreachable.mark(user);
    }

    private Turn forget(UserKey user, Session current, Turn turn) {
        try {
            store.forget(user);
        } catch (StoreUnavailableException e) {
            throw new Apologies.Failed(current, current, e);
        }
        cache.invalidate(user);
        applyEffects(turn.effects()); // adapters cancel timers and nudges of the user
        return new Turn(Session.fresh(user), turn.replies(), turn.effects());
    }

    /** The pending question of a user with a session (e.g. after a restart); empty if new. */
    public List<Reply> currentPrompt(UserKey user) {
        Optional<Session> session =
                Optional.ofNullable(cache.getIfPresent(user)).or(() -> store.load(user));
        return session.map(s -> List.of(engine.currentPrompt(s))).orElse(List.of());
    }

    /** Every language ready now rather than at its first turn: see {@link Engine}. */
    public void prepareAllLanguages() {
        engine.prepareAllLanguages();
    }

    public StoreHealth health() {
        return health;
    }

    private void applyEffects(List<Effect> list) {
        for (Effect effect : list) {
            try {
                effects.apply(effect);
            } catch (RuntimeException e) {
                log.error("effect {} failed", effect.getClass().getSimpleName(), e);
            }
        }
    }
}
