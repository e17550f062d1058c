package dev.backcoach.storage;

import dev.backcoach.core.model.Effect;
import dev.backcoach.core.model.Reply;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import dev.backcoach.core.service.ConcurrentUpdateException;
import dev.backcoach.core.service.DuplicateEventException;
import dev.backcoach.core.service.StateStore;
import dev.backcoach.core.service.TurnRecord;
import dev.backcoach.storage.sqlite.GroupCommit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The {@link StateStore} on SQLite or PostgreSQL. A turn is one transaction: the version-checked
 * session row, the day's rating and the event's replies are written together or not at all.
 */
public final class JdbcStateStore implements StateStore {

    /** One rating per user and day: a later one the same day replaces it. */
    private static final String UPSERT_RATING =
            "INSERT INTO progress_rating (platform, user_id, day, score) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (platform, user_id, day) DO UPDATE SET score = excluded.score";

    /** Sessions are counted per user and day. */
    private static final String COUNT_SESSION =
            "INSERT INTO practice_session (platform, user_id, day, sessions) VALUES (?, ?, ?, 1) "
                    + "ON CONFLICT (platform, user_id, day) DO UPDATE SET sessions = practice_session.sessions + 1";

    /**
     * Both answers of {@link #precheck} in one round trip; the probe row makes both joins optional.
     */
    private static final String PRECHECK =
            "SELECT s.version, e.replies FROM (SELECT 1 AS one) probe"
                    + " LEFT JOIN user_session s ON s.platform = ? AND s.user_id = ?"
                    + " LEFT JOIN processed_event e ON e.platform = ? AND e.user_id = ? AND e.event_id = ?";

    private final Database database;
    private final Dialect dialect;
    private final Jdbc jdbc;
    private final SessionRows sessions;
    private final NudgeLog nudgeLog;
    private final Clock clock;
    private final @Nullable GroupCommit<TurnRecord> group;
    private volatile @Nullable UserTables userTables;

    public JdbcStateStore(Database database) {
        this(database, Clock.systemUTC());
    }

    /**
     * @param clock stamps rows with their write time, which decides when old events are purged
     */
    public JdbcStateStore(Database database, Clock clock) {
        this.database = database;
        this.dialect = database.dialect();
        this.jdbc = new Jdbc(database);
        ReentrantLock writer = jdbc.sqliteWriter();
        this.group =
                writer == null
                        ? null
                        : new GroupCommit<>(
                                writer,
                                new GroupCommit.Store<>() {
                                    @Override
                                    public void inTransaction(
                                            String action, GroupCommit.Batch work) {
                                        jdbc.writeHoldingLock(action, work::run);
                                    }

                                    @Override
                                    public @Nullable RuntimeException write(
                                            Connection c, TurnRecord turn, Instant now)
                                            throws SQLException {
                                        return writeTurn(c, turn, now);
                                    }

                                    @Override
                                    public RuntimeException failure(String action, SQLException e) {
                                        return jdbc.unavailable(action, e);
                                    }
                                },
                                clock);
        this.sessions = new SessionRows(dialect);
        this.clock = clock;
        this.nudgeLog = new NudgeLog(jdbc, dialect, clock);
    }

    /** The reminder claims, sharing this store's connections (and SQLite's single writer). */
    public NudgeLog nudgeLog() {
        return nudgeLog;
    }

    @Override
    public Optional<Session> load(UserKey user) {
        return jdbc.readOnly("loading a session", c -> sessions.load(c, user));
    }

    @Override
    public void commit(TurnRecord turn) {
        if (group != null) {
            group.commit(turn);
            return;
        }
        jdbc.write(
                "committing a turn",
                c -> {
                    RuntimeException refused = writeTurn(c, turn, clock.instant());
                    if (refused != null) {
                        throw refused; // rolls the transaction back
                    }
                });
    }

    static ConcurrentUpdateException conflict(TurnRecord turn) {
        UserKey user = turn.session().user();
        return new ConcurrentUpdateException(
                "session of " + user.platform() + " user changed concurrently");
    }

    /**
     * One turn's rows. The event goes first: a re-delivered event is refused as a duplicate (with
     * the replies it got then) whatever the version. Returns why the turn must not be committed, or
     * null when everything is written; on a refusal the caller rolls back what was written.
     */
    @Nullable RuntimeException writeTurn(Connection c, TurnRecord turn, Instant now)
            throws SQLException {
        Session session = turn.session();
        UserKey user = session.user();
        if (!turn.eventId().isEmpty()
                && !EventRows.insert(
                        c, dialect, user, turn.eventId(), RepliesJson.write(turn.replies()), now)) {
            List<Reply> earlier = EventRows.replies(c, user, turn.eventId()).orElse(List.of());
            return new DuplicateEventException(
                    "event of a " + user.platform() + " user committed before", earlier);
        }
        if (!sessions.write(c, session, turn.expectedVersion(), now)) {
            return conflict(turn);
        }
        for (Effect effect : turn.effects()) {
            if (effect instanceof Effect.RecordRating rating) {
                // The session's user, not the effect's: a turn only ever writes its own user's
                // rows.
                upsertRating(c, user, rating.day(), rating.score());
            } else if (effect instanceof Effect.RecordSession practice) {
                try (PreparedStatement count = c.prepareStatement(COUNT_SESSION)) {
                    UserTables.bindUser(count, user);
                    dialect.setDate(count, 3, practice.day());
                    count.executeUpdate();
                }
            }
        }
        return null;
    }

    @Override
    public Precheck precheck(UserKey user, String eventId) {
        return jdbc.readOnly(
                "checking a turn",
                c -> {
                    try (PreparedStatement select = c.prepareStatement(PRECHECK)) {
                        UserTables.bindUser(select, user);
                        select.setString(3, user.platform().name());
                        select.setString(4, user.userId());
                        select.setString(5, eventId);
                        try (ResultSet row = select.executeQuery()) {
                            row.next();
                            long version = row.getLong(1); // 0 when there is no session row
                            String json = eventId.isEmpty() ? null : row.getString(2);
                            return new Precheck(
                                    version,
                                    Optional.ofNullable(json).map(RepliesJson::readOrNothing));
                        }
                    }
                });
    }

    @Override
    public Map<String, Object> export(UserKey user) {
        return jdbc.readOnly(
                "exporting a user's data", c -> ReadableExport.of(userTables(c).export(c, user)));
    }

    @Override
    public java.util.SortedMap<java.time.LocalDate, Integer> ratingHistory(UserKey user) {
        return jdbc.readOnly("reading a user's ratings", c -> ProgressRows.ratings(c, user));
    }

    @Override
    public dev.backcoach.core.progress.ProgressLog progressLog(UserKey user, LocalDate from) {
        return jdbc.readOnly(
                "reading a user's progress", c -> ProgressRows.read(c, dialect, user, from));
    }

    @Override
    public void forget(UserKey user) {
        jdbc.write("forgetting a user", c -> userTables(c).forget(c, user));
    }

    @Override
    public boolean soleWriter() {
        return database.soleWriter();
    }

    @Override
    public boolean reachable() {
        try (Connection c = database.connection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * How many users each route has, for metrics: counts only, no id leaves the database. Routes
     * without users are absent.
     */
    public Map<String, Long> usersPerRoute() {
        return jdbc.readOnly("counting users per route", SessionRows::countPerRoute);
    }

    /**
     * Deletes the replies kept for re-deliveries that were processed before {@code cutoff}; returns
     * how many.
     */
    public int purgeEventsBefore(Instant cutoff) {
        return jdbc.transaction(
                "purging old events", c -> EventRows.purgeBefore(c, dialect, cutoff));
    }

    private void upsertRating(Connection c, UserKey user, LocalDate day, int score)
            throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(UPSERT_RATING)) {
            UserTables.bindUser(upsert, user);
            dialect.setDate(upsert, 3, day);
            upsert.setInt(4, score);
            upsert.executeUpdate();
        }
    }

    /** Found once, on first use, so constructing a store needs no connection. */
    private UserTables userTables(Connection c) throws SQLException {
        UserTables tables = userTables;
        if (tables == null) {
            tables = UserTables.discover(c);
            userTables = tables;
        }
        return tables;
    }
}
