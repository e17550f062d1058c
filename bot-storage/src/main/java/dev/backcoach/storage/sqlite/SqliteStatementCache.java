package dev.backcoach.storage.sqlite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * SQLite connections that keep their prepared statements. The driver compiles a statement anew for
 * every {@code prepareStatement}, and on a turn's short queries that compiling cost as much as
 * running them (a profile of the webhook benchmark: 13 % of the bot's CPU). Here a statement closed
 * by its user goes back to its connection, with its parameters cleared and its result set closed,
 * and the next {@code prepareStatement} of the same SQL on that connection gets it again. A
 * statement still in use when the same SQL is prepared again is not shared: the second one is a
 * plain, uncached statement. Closing the connection closes its statements.
 */
public final class SqliteStatementCache extends WrappingDataSource {
    /** Statements kept per connection; the least recently used beyond that is closed. */
    static final int PER_CONNECTION = 48;

    public SqliteStatementCache(DataSource sqlite) {
        super(sqlite);
    }

    @Override
    Connection wrap(Connection connection) {
        return CachingConnection.wrap(connection);
    }

    /**
     * A connection whose one-argument {@code prepareStatement} is served from its own statements.
     */
    private static final class CachingConnection implements InvocationHandler {
        private final Connection connection;
        private final Map<String, CachedStatement> statements =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, CachedStatement> eldest) {
                        if (size() <= PER_CONNECTION) {
                            return false;
                        }
                        eldest.getValue().evict();
                        return true;
                    }
                };
        private boolean closed;

        private CachingConnection(Connection connection) {
            this.connection = connection;
        }

        static Connection wrap(Connection connection) {
            return (Connection)
                    Proxy.newProxyInstance(
                            SqliteStatementCache.class.getClassLoader(),
                            new Class<?>[] {Connection.class},
                            new CachingConnection(connection));
        }

        @Override
        public synchronized @Nullable Object invoke(
                Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("prepareStatement") && args != null && args.length == 1 && !closed) {
                return prepared((String) args[0]);
            }
            if (name.equals("close") && (args == null || args.length == 0)) {
                closeAll();
            } else if (name.equals("unwrap")
                    && args != null
                    && ((Class<?>) args[0]).isInstance(connection)) {
                return connection;
            } else if (name.equals("isWrapperFor")
                    && args != null
                    && ((Class<?>) args[0]).isInstance(connection)) {
                return true;
            } else if (name.equals("equals") && args != null) {
                return proxy == args[0];
            } else if (name.equals("hashCode") && (args == null || args.length == 0)) {
                return System.identityHashCode(proxy);
            }
            return callThrough(connection, method, args);
        }

        private PreparedStatement prepared(String sql) throws SQLException {
            CachedStatement cached = statements.get(sql);
            if (cached == null || cached.discarded) {
                cached = new CachedStatement(connection.prepareStatement(sql));
                statements.put(sql, cached);
            } else if (cached.inUse) {
                return connection.prepareStatement(sql); // the same SQL twice at once: a plain one
            }
            cached.inUse = true;
            return cached.proxy;
        }

        private void closeAll() {
            closed = true;
            statements.values().forEach(CachedStatement::discard);
            statements.clear();
        }
    }

    /**
     * A statement that its users close many times: each close hands it back. Only the connection
     * closes it for good.
     */
    private static final class CachedStatement implements InvocationHandler {
        private final PreparedStatement statement;
        final PreparedStatement proxy;
        volatile boolean inUse;
        volatile boolean discarded;

        /** Evicted while its user still had it: closed when handed back. */
        volatile boolean closeOnHandBack;

        private @Nullable ResultSet results;

        CachedStatement(PreparedStatement statement) {
            this.statement = statement;
            this.proxy =
                    (PreparedStatement)
                            Proxy.newProxyInstance(
                                    SqliteStatementCache.class.getClassLoader(),
                                    new Class<?>[] {PreparedStatement.class},
                                    this);
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
                throws Throwable {
            switch (method.getName()) {
                case "close":
                    handBack();
                    return null;
                case "isClosed":
                    return !inUse || statement.isClosed();
                case "executeQuery", "getResultSet":
                    ResultSet rows = (ResultSet) callThrough(statement, method, args);
                    results = rows;
                    return rows;
                case "equals":
                    return args != null && proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return callThrough(statement, method, args);
            }
        }

        /**
         * Idempotent: the pool closes statements its user left open, after the user may have closed
         * them.
         */
        private void handBack() throws SQLException {
            if (!inUse) {
                return;
            }
            if (closeOnHandBack) {
                inUse = false;
                discard();
                return;
            }
            try {
                if (results != null) {
                    results.close(); // ends SQLite's read of the statement, so it holds no snapshot
                    results = null;
                }
                statement.clearParameters();
            } catch (SQLException e) {
                discard();
                throw e;
            } finally {
                inUse = false;
            }
        }

        /** Out of the cache: closed now, or when its user hands it back. */
        void evict() {
            if (inUse) {
                closeOnHandBack = true;
            } else {
                discard();
            }
        }

        void discard() {
            discarded = true;
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection is closing or gone: nothing left to release
            }
        }
    }
}
