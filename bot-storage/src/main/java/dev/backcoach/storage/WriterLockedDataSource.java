package dev.backcoach.storage;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Gives another library's SQLite connections (the scheduler's) the same in-process writer lock the
 * store takes: a connection takes it when it prepares its first writing statement and gives it back
 * when it is closed. Without this, the two sides meet in SQLite's busy handler, which sleeps.
 */
final class WriterLockedDataSource implements DataSource {
    private final DataSource pool;
    private final ReentrantLock writer;

    WriterLockedDataSource(DataSource pool, ReentrantLock writer) {
        this.pool = pool;
        this.writer = writer;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(pool.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Locking(connection));
    }

    /** One connection, used by one thread at a time (as JDBC connections are). */
    private final class Locking implements InvocationHandler {
        private final Connection connection;
        private boolean holding;

        Locking(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (!holding && (name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
                    && args[0] instanceof String sql && writes(sql)) {
                writer.lock();
                holding = true;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (name.equals("close") && holding) {
                    holding = false;
                    writer.unlock();
                }
            }
        }
    }

    static boolean writes(String sql) {
        String start = sql.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("insert") || start.startsWith("update") || start.startsWith("delete");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return pool.isWrapperFor(iface);
    }
}
