package dev.backcoach.storage;

import dev.backcoach.core.model.Dialogue;
import dev.backcoach.core.model.Language;
import dev.backcoach.core.model.NudgePlan;
import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.Route;
import dev.backcoach.core.model.Session;
import dev.backcoach.core.model.UserKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The user_session table: one row per user, written only if its version is the one expected. */
final class SessionRows {
    private static final Logger log = LoggerFactory.getLogger(SessionRows.class);
    private static final String FIELDS =
            "version, adult, consented, unreachable, route, route_date, route_reason, "
                    + "check_in_date, equipment, dialogue, paused, prompt_seq, ratings, rating_day, updated_at, nudge_time, "
                    + "nudge_zone, nudge_days, nudge_paused_until, nudge_ignored, nudge_awaiting, zone, habits, language, language_chosen";
    private static final String SELECT =
            "SELECT " + FIELDS + " FROM user_session WHERE platform = ? AND user_id = ?";

    /**
     * DO NOTHING rather than an error: a conflict is a normal outcome, and PostgreSQL would abort
     * the transaction.
     */
    private static final String INSERT =
            "INSERT INTO user_session (platform, user_id, "
                    + FIELDS
                    + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (platform, user_id) DO NOTHING";

    private static final String UPDATE =
            "UPDATE user_session SET version = ?, adult = ?, consented = ?, unreachable = ?, route = ?, "
                    + "route_date = ?, route_reason = ?, check_in_date = ?, equipment = ?, dialogue = ?, paused = ?, prompt_seq = ?, "
                    + "ratings = ?, rating_day = ?, updated_at = ?, nudge_time = ?, nudge_zone = ?, nudge_days = ?, "
                    + "nudge_paused_until = ?, nudge_ignored = ?, nudge_awaiting = ?, zone = ?, habits = ?, language = ?, language_chosen = ? WHERE platform = ? AND user_id = ? AND version = ?";

    private final Dialect dialect;

    SessionRows(Dialect dialect) {
        this.dialect = dialect;
    }

    Optional<Session> load(Connection connection, UserKey user) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, user.platform().name());
            select.setString(2, user.userId());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row, user)) : Optional.empty();
            }
        }
    }

    /**
     * False when the stored version is not {@code expectedVersion} (0: no row yet); nothing was
     * written then.
     */
    boolean write(Connection connection, Session session, long expectedVersion, Instant now)
            throws SQLException {
        UserKey user = session.user();
        if (expectedVersion == 0) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, user.platform().name());
                insert.setString(2, user.userId());
                bindFields(insert, 3, session, now);
                return insert.executeUpdate() == 1;
            }
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            int next = bindFields(update, 1, session, now);
            update.setString(next, user.platform().name());
            update.setString(next + 1, user.userId());
            update.setLong(next + 2, expectedVersion);
            return update.executeUpdate() == 1;
        }
    }

    private int bindFields(PreparedStatement statement, int first, Session s, Instant now)
            throws SQLException {
        int i = first;
        statement.setLong(i++, s.version());
        statement.setBoolean(i++, s.adult());
        statement.setBoolean(i++, s.consented());
        statement.setBoolean(i++, s.unreachable());
        statement.setString(i++, s.route().name());
        dialect.setDate(statement, i++, s.routeDate());
        statement.setString(i++, storedRouteReason(s));
        dialect.setDate(statement, i++, s.checkInDate());
        statement.setInt(i++, s.equipment());
        String dialogue = DialogueCodec.encode(s.dialogue());
        statement.setString(i++, dialogue);
        statement.setString(i++, DialogueCodec.encodeGuide(s.paused()));
        statement.setInt(i++, storedPromptSeq(s, dialogue));
        statement.setInt(i++, s.ratings());
        statement.setInt(i++, s.ratingDay());
        dialect.setInstant(statement, i++, now);
        NudgePlan plan = s.nudge();
        statement.setString(i++, plan == null ? null : plan.time().toString());
        statement.setString(i++, plan == null ? null : plan.zone().getId());
        statement.setObject(i++, plan == null ? null : plan.days(), java.sql.Types.INTEGER);
        dialect.setDate(statement, i++, plan == null ? null : plan.pausedUntil());
        statement.setInt(i++, plan == null ? 0 : plan.ignored());
        statement.setBoolean(i++, plan != null && plan.awaiting());
        ZoneId zone = s.zone();
        statement.setString(i++, zone == null ? null : zone.getId());
        statement.setLong(i++, s.habits());
        Language language = s.language();
        statement.setString(i++, language == null ? null : language.code());
        statement.setBoolean(i++, language != null && language.chosen());
        return i;
    }

    /**
     * The sign behind the route is health information: Discord's developer policy forbids keeping
     * it, so for Discord users it stays in memory only (the cached session) and a reload forgets
     * it.
     */
    private static @Nullable String storedRouteReason(Session s) {
        return s.user().platform() == Platform.DISCORD ? null : s.routeReason();
    }

    /**
     * Answer buttons carry the prompt sequence. When the stored dialogue reads back as another
     * question (a pain question reloaded as its guidance), a button still on the user's screen must
     * not answer it. The next sequence number has not been handed out yet (the engine moves it by
     * one per new question, and only committed turns reply), so storing it makes earlier buttons
     * stale. The check keeps its sequence: its answer buttons carry their position themselves, so
     * after a reload (or on another instance) the user's press still answers the question they saw.
     */
    private static int storedPromptSeq(Session s, String storedDialogue) {
        boolean readsBackTheSame = DialogueCodec.decode(storedDialogue).equals(s.dialogue());
        return readsBackTheSame || s.dialogue() instanceof Dialogue.Check
                ? s.promptSeq()
                : s.promptSeq() + 1;
    }

    private Session read(ResultSet row, UserKey user) throws SQLException {
        return new Session(
                user,
                row.getLong("version"),
                row.getBoolean("adult"),
                row.getBoolean("consented"),
                row.getBoolean("unreachable"),
                route(row.getString("route")),
                dialect.getDate(row, "route_date"),
                row.getString("route_reason"),
                dialect.getDate(row, "check_in_date"),
                row.getInt("equipment"),
                DialogueCodec.decode(row.getString("dialogue")),
                DialogueCodec.decodeGuide(row.getString("paused")),
                row.getInt("prompt_seq"),
                row.getInt("ratings"),
                row.getInt("rating_day"),
                nudge(row),
                zone(row.getString("zone")),
                row.getLong("habits"),
                language(row.getString("language"), row.getBoolean("language_chosen")));
    }

    private static @Nullable Language language(@Nullable String code, boolean chosen) {
        return code == null || code.isBlank() ? null : new Language(code, chosen);
    }

    /** A zone that cannot be read any more (dropped from the tz database) is asked again. */
    private static @Nullable ZoneId zone(@Nullable String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            log.warn("stored time zone {} is unknown now; it will be asked again", id);
            return null;
        }
    }

    /**
     * A reminder that cannot be read any more (a zone dropped from the tz database) is off, not a
     * crash.
     */
    private @Nullable NudgePlan nudge(ResultSet row) throws SQLException {
        String time = row.getString("nudge_time");
        if (time == null) {
            return null;
        }
        try {
            return new NudgePlan(
                    LocalTime.parse(time),
                    ZoneId.of(row.getString("nudge_zone")),
                    row.getInt("nudge_days"),
                    dialect.getDate(row, "nudge_paused_until"),
                    row.getInt("nudge_ignored"),
                    row.getBoolean("nudge_awaiting"));
        } catch (DateTimeException | IllegalArgumentException e) {
            log.warn(
                    "a stored evening reminder cannot be read ({}); treating it as off",
                    e.getMessage());
            return null;
        }
    }

    /** A route this version does not know means "check again", never a crash. */
    private static Route route(String name) {
        try {
            return Route.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Route.UNSCREENED;
        }
    }

    /** Users per route (routes without users absent): counts only, no id leaves the database. */
    static Map<String, Long> countPerRoute(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement count =
                        c.prepareStatement(
                                "SELECT route, COUNT(*) FROM user_session GROUP BY route");
                ResultSet rows = count.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
