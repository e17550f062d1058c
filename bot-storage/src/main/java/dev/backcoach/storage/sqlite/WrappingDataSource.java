package dev.backcoach.storage.sqlite;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A data source whose connections are another's, each wrapped on the way out; the rest passes
 * through.
 */
public abstract class WrappingDataSource implements DataSource {
    final DataSource wrapped;

    WrappingDataSource(DataSource wrapped) {
        this.wrapped = wrapped;
    }

    abstract Connection wrap(Connection connection);

    /**
     * For wrappers built as dynamic proxies: calls through with the target's own exception, not
     * reflection's.
     */
    static @Nullable Object callThrough(Object target, Method method, @Nullable Object[] args)
            throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public final Connection getConnection() throws SQLException {
        return wrap(wrapped.getConnection());
    }

    @Override
    public final Connection getConnection(String user, String password) throws SQLException {
        return wrap(wrapped.getConnection(user, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return wrapped.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        wrapped.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        wrapped.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return wrapped.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return wrapped.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(wrapped) ? type.cast(wrapped) : wrapped.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(wrapped) || wrapped.isWrapperFor(type);
    }
}
