package dev.backcoach.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.backcoach.core.service.StoreUnavailableException;
import dev.backcoach.storage.sqlite.InstanceLock;
import dev.backcoach.storage.sqlite.SqliteFile;
import dev.backcoach.storage.sqlite.SqliteNativeLibrary;
import dev.backcoach.storage.sqlite.WalCheckpoints;
import dev.backcoach.storage.sqlite.WriterLockedDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open database: a small connection pool with the schema migrated to the newest version. The
 * dialect follows from the URL ({@code jdbc:sqlite:} or {@code jdbc:postgresql:}). Close it on
 * shutdown. Its {@link #toString()} and its messages never contain the password.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    static final int SCHEDULER_POOL_SIZE = 8;

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String description;
    private final Redaction redaction;
    private final DatabaseSettings resolved;

    /**
     * SQLite has one writer per file. Taking turns in the process spares writers SQLite's busy
     * handler, which sleeps (1, 2, 5, 10… ms) between tries; readers still run in parallel (WAL).
     */
    private final @Nullable ReentrantLock sqliteWriter;

    private @Nullable HikariDataSource schedulerPool;

    /** SQLite only: this instance is the file's only one (see {@link InstanceLock}). */
    private final @Nullable InstanceLock instanceLock;

    /** SQLite only: the write-ahead log's housekeeping. */
    private final @Nullable WalCheckpoints checkpoints;

    /**
     * The pool alone, not migrated: {@link #open} is the way in; tests use this for a database that
     * is down.
     */
    Database(DatabaseSettings settings) {
        this(settings, false);
    }

    private Database(DatabaseSettings settings, boolean serving) {
        this.dialect = Dialect.of(settings.url());
        // SQLite: the absolute path, so the log says where the file really is.
        DatabaseSettings resolved =
                dialect == Dialect.SQLITE
                        ? new DatabaseSettings(SqliteFile.prepare(settings.url()), null, null)
                        : settings;
        this.description =
                dialect.name().toLowerCase(Locale.ROOT) + " " + resolved.urlWithoutSecrets();
        this.redaction = new Redaction(settings.password());
        this.resolved = resolved;
        this.sqliteWriter = dialect == Dialect.SQLITE ? new ReentrantLock() : null;
        this.instanceLock =
                serving && dialect == Dialect.SQLITE
                        ? InstanceLock.take(SqliteFile.file(resolved.url()))
                        : null;
        if (dialect == Dialect.SQLITE) {
            SqliteNativeLibrary.prepare(); // before the driver's first connection
        }
        try {
            this.pool = Pools.create(resolved, dialect);
        } catch (RuntimeException e) {
            if (instanceLock != null) {
                instanceLock.close();
            }
            throw e;
        }
        this.checkpoints =
                sqliteWriter == null
                        ? null
                        : new WalCheckpoints(pool, sqliteWriter, Pools.LOCK_WAIT_MILLIS);
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @throws IllegalArgumentException when the URL is not a supported one
     * @throws StoreUnavailableException when the database cannot be reached (within about 2 s)
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, false);
    }

    /**
     * {@link #open}, for the bot that serves users from it: on SQLite it also takes the file for
     * itself (see {@link InstanceLock}), and turns may trust the cache more (see {@link
     * #soleWriter}). Other openers, such as a look at what is stored, leave the file alone.
     *
     * @throws IllegalStateException when another instance serves the SQLite file
     */
    public static Database openForServing(DatabaseSettings settings) {
        return open(settings, true);
    }

    private static Database open(DatabaseSettings settings, boolean serving) {
        Database database = new Database(settings, serving);
        try {
            database.migrate();
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private void migrate() {
        // Reach the database first, so "down" is told apart from a migration that fails; on a
        // schema that is already current, or a new SQLite file, Flyway is not needed at all (see
        // SchemaCheck, NewSqliteSchema).
        try (Connection connection = pool.getConnection()) {
            log.debug("reached {}", description);
            if (SchemaCheck.isCurrent(connection, dialect)) {
                log.info(
                        "database {} is current (newest migration {}): nothing to migrate",
                        description,
                        SchemaCheck.MIGRATIONS.get(SchemaCheck.MIGRATIONS.size() - 1));
                return;
            }
            if (dialect == Dialect.SQLITE && madeNewSqliteSchema(connection)) {
                log.info(
                        "database {} made at schema version {} ({} migrations applied now)",
                        description,
                        SchemaCheck.version(
                                SchemaCheck.MIGRATIONS.get(SchemaCheck.MIGRATIONS.size() - 1)),
                        SchemaCheck.MIGRATIONS.size());
                return;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException(
                    redaction.apply(
                            "cannot reach the database ("
                                    + description
                                    + "): "
                                    + Redaction.rootMessage(e)),
                    e);
        }
        MigrateResult result =
                Flyway.configure(Database.class.getClassLoader())
                        .dataSource(pool)
                        .resourceProvider(new MigrationFiles(dialect))
                        .javaMigrationClassProvider(List::of) // none: all migrations are SQL
                        // All pending migrations in one transaction (both databases roll DDL
                        // back): a schema is never left between versions, and a new database is
                        // made in one commit instead of seven.
                        .group(true)
                        .load()
                        .migrate();
        log.info(
                "database {} at schema version {} ({} migrations applied now)",
                description,
                result.targetSchemaVersion == null
                        ? result.initialSchemaVersion
                        : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    /**
     * A failure here (a full disk, say) is left for Flyway to meet again and report as it always
     * has: the transaction was rolled back, the file is as empty as before.
     */
    private boolean madeNewSqliteSchema(Connection connection) {
        try {
            return NewSqliteSchema.makeIfEmpty(connection);
        } catch (SQLException | RuntimeException e) {
            log.debug(
                    "new schema without Flyway failed, Flyway tries: {}",
                    redaction.apply(e.toString()));
            return false;
        }
    }

    /** The connection pool right now, for metrics. */
    public record PoolStats(int active, int idle, int waiting, int max) {}

    public PoolStats poolStats() {
        var bean = pool.getHikariPoolMXBean();
        if (bean == null) {
            return new PoolStats(0, 0, 0, pool.getMaximumPoolSize());
        }
        return new PoolStats(
                bean.getActiveConnections(),
                bean.getIdleConnections(),
                bean.getThreadsAwaitingConnection(),
                pool.getMaximumPoolSize());
    }

    /** For other users of the same database, such as the scheduler. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * The scheduler's own small pool on the same database, so its threads never take the
     * connections turns need. On SQLite its writes take the in-process writer lock too.
     */
    public synchronized DataSource schedulerDataSource() {
        if (schedulerPool == null) {
            schedulerPool =
                    Pools.create(resolved, dialect, "backcoach-scheduler", SCHEDULER_POOL_SIZE);
        }
        return sqliteWriter == null
                ? schedulerPool
                : new WriterLockedDataSource(schedulerPool, sqliteWriter);
    }

    /** Runs one round of the housekeeping checkpoint now (tests). */
    void checkpoint() {
        java.util.Objects.requireNonNull(checkpoints).run();
    }

    @Override
    public void close() {
        if (checkpoints != null) {
            checkpoints.close();
        }
        synchronized (this) {
            if (schedulerPool != null) {
                schedulerPool.close();
            }
        }
        pool.close();
        if (checkpoints != null) {
            checkpoints.closeFile();
        }
        if (instanceLock != null) {
            instanceLock.close();
        }
    }

    /**
     * True when this serves a SQLite file, which it then holds (see {@link InstanceLock}): every
     * write to it comes through here. PostgreSQL may have several instances.
     */
    boolean soleWriter() {
        return instanceLock != null;
    }

    @Nullable ReentrantLock sqliteWriter() {
        return sqliteWriter;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    boolean isClosed() {
        return pool.isClosed();
    }

    Dialect dialect() {
        return dialect;
    }

    Redaction redaction() {
        return redaction;
    }

    /**
     * The dialect and the URL without credentials, e.g. {@code sqlite
     * jdbc:sqlite:/srv/bot/data/backcoach.db}.
     */
    @Override
    public String toString() {
        return description;
    }
}
