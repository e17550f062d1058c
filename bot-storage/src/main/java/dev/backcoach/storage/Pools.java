package dev.backcoach.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.backcoach.storage.sqlite.SqliteStatementCache;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The connection pool for each dialect. */
final class Pools {
    /** A database that is down fails a turn within this, instead of holding the user's lock. */
    static final long CONNECTION_TIMEOUT_MILLIS = 2_000;

    /** How long a write waits for another writer (SQLite) or a locked row (PostgreSQL). */
    static final int LOCK_WAIT_MILLIS = 5_000;

    /** The log file is trimmed back to this after a checkpoint. */
    static final long WAL_FILE_LIMIT_BYTES = 64L << 20;

    private Pools() {}

    /**
     * @param settings with a SQLite URL already made absolute by {@link
     *     dev.backcoach.storage.sqlite.SqliteFile#prepare}
     */
    static HikariDataSource create(DatabaseSettings settings, Dialect dialect) {
        return create(
                settings,
                dialect,
                "backcoach-" + dialect.name().toLowerCase(Locale.ROOT),
                dialect.poolSize);
    }

    static HikariDataSource create(
            DatabaseSettings settings, Dialect dialect, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        // Two connections at start, more as load asks for them (Hikari opens them in the
        // background): filling the whole pool took a tenth of start-up's CPU, and an idle bot on
        // a shared PostgreSQL holds fewer connections.
        config.setMinimumIdle(Math.min(2, size));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(1_000);
        // Build the pool even when the database is down; Database.open reports that itself,
        // clearly.
        config.setInitializationFailTimeout(-1);
        if (dialect == Dialect.SQLITE) {
            SQLiteDataSource sqlite = new SQLiteDataSource(new SQLiteConfig(sqlitePragmas()));
            sqlite.setUrl(settings.url());
            config.setDataSource(new SqliteStatementCache(sqlite));
        } else {
            config.setDriverClassName(dialect.driverClass);
            config.setJdbcUrl(settings.url());
            config.setUsername(settings.user());
            config.setPassword(settings.password());
            config.addDataSourceProperty(
                    "connectTimeout", TimeUnit.MILLISECONDS.toSeconds(CONNECTION_TIMEOUT_MILLIS));
            config.addDataSourceProperty("ApplicationName", "backcoach");
            // As SQLite's busy_timeout: a row locked by a stuck instance fails the turn, it does
            // not hang it.
            config.addDataSourceProperty("options", "-c lock_timeout=" + LOCK_WAIT_MILLIS);
        }
        return new HikariDataSource(config);
    }

    /**
     * Applied by the driver on every new connection. WAL lets readers run beside the one writer;
     * busy_timeout waits for that writer instead of failing at once; NORMAL is durable across
     * application crashes in WAL mode; IMMEDIATE takes the write lock at BEGIN, so a transaction
     * never fails halfway when it would upgrade from reading to writing.
     */
    private static Properties sqlitePragmas() {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setBusyTimeout(LOCK_WAIT_MILLIS);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Properties properties = sqlite.toProperties();
        // The committing thread never checkpoints (a stall of milliseconds in a user's turn): the
        // database's own housekeeping thread does, in the background (see Database).
        properties.setProperty("wal_autocheckpoint", "0");
        // After a checkpoint the log starts over in the same file; this trims the file back, so a
        // burst
        // does not leave a big log file on disk.
        properties.setProperty("journal_size_limit", Long.toString(WAL_FILE_LIMIT_BYTES));
        return properties;
    }
}
