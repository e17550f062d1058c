package dev.backcoach.storage;

import dev.backcoach.storage.sqlite.SqliteFile;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything that differs between SQLite and PostgreSQL, in one place. The SQL itself is shared:
 * both speak {@code INSERT … ON CONFLICT … DO UPDATE/NOTHING}. What differs is how dates and
 * instants are kept (SQLite has no date type: ISO text, which sorts like time), the driver, the
 * pool size and which failures mean "the database cannot be used right now".
 */
enum Dialect {
    /** One writer at a time; a few connections are plenty and keep lock waits short. */
    // Readers run in parallel under WAL; writers take turns in Jdbc, so more connections only help
    // reads.
    SQLITE(SqliteFile.PREFIX, "org.sqlite.JDBC", 10),
    POSTGRESQL("jdbc:postgresql:", "org.postgresql.Driver", 10);

    /** SQLite result codes for locked, read-only, I/O error, disk full and cannot-open files. */
    private static final Set<Integer> SQLITE_UNAVAILABLE = Set.of(5, 6, 8, 10, 13, 14);

    final String prefix;
    final String driverClass;
    final int poolSize;

    Dialect(String prefix, String driverClass, int poolSize) {
        this.prefix = prefix;
        this.driverClass = driverClass;
        this.poolSize = poolSize;
    }

    static Dialect of(String url) {
        for (Dialect dialect : values()) {
            if (url.startsWith(dialect.prefix)) {
                return dialect;
            }
        }
        // Only the scheme is echoed: the rest of the URL may carry credentials.
        int second = url.indexOf(':', url.indexOf(':') + 1);
        String scheme = second < 0 ? "(no jdbc:<driver>: prefix)" : url.substring(0, second + 1);
        throw new IllegalArgumentException(
                "DATABASE_URL must start with jdbc:sqlite: (a file, e.g. "
                        + DatabaseSettings.DEFAULT_URL
                        + ") or jdbc:postgresql:// (e.g. "
                        + "jdbc:postgresql://localhost:5432/backcoach), not "
                        + scheme);
    }

    void setDate(PreparedStatement statement, int index, @Nullable LocalDate date)
            throws SQLException {
        if (this == SQLITE) {
            statement.setString(index, date == null ? null : date.toString());
        } else if (date == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, date);
        }
    }

    /** A date that does not parse reads as absent: a user is never locked out by one bad value. */
    @Nullable LocalDate getDate(ResultSet row, String column) throws SQLException {
        if (this == POSTGRESQL) {
            return row.getObject(column, LocalDate.class);
        }
        String text = row.getString(column);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (this == SQLITE) {
            statement.setString(index, Timestamps.format(instant));
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /** Down, locked beyond the busy timeout, full, refused: expected in operation, not a bug. */
    boolean meansUnavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (this == SQLITE) {
            return SQLITE_UNAVAILABLE.contains(e.getErrorCode() & 0xFF);
        }
        // 08: connection exception, 53: insufficient resources, 57P0x: shutting down / starting up,
        // 28: authentication (the operator's setting, but still "cannot reach"), 55P03: a row
        // stayed
        // locked beyond lock_timeout (see Pools).
        return state.startsWith("08")
                || state.startsWith("53")
                || state.startsWith("57P")
                || state.startsWith("28")
                || state.equals("55P03");
    }
}
