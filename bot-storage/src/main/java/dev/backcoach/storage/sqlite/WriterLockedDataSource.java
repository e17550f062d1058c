package dev.backcoach.storage.sqlite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Gives another library's SQLite connections (the scheduler's) the same in-process writer lock the
 * store takes: a connection takes it when it prepares its first writing statement and gives it back
 * when it is closed. Without this, the two sides meet in SQLite's busy handler, which sleeps.
 */
public final class WriterLockedDataSource extends WrappingDataSource {
    private final ReentrantLock writer;

    public WriterLockedDataSource(DataSource pool, ReentrantLock writer) {
        super(pool);
        this.writer = writer;
    }

    @Override
    Connection wrap(Connection connection) {
        return (Connection)
                Proxy.newProxyInstance(
                        Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class},
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
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args)
                throws Throwable {
            String name = method.getName();
            if (!holding
                    && (name.equals("prepareStatement") || name.equals("prepareCall"))
                    && args != null
                    && args[0] instanceof String sql
                    && writes(sql)) {
                writer.lock();
                holding = true;
            }
            try {
                return callThrough(connection, method, args);
            } finally {
                if (name.equals("close") && holding) {
                    holding = false;
                    writer.unlock();
                }
            }
        }
    }

    public static boolean writes(String sql) {
        String start = sql.stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("insert")
                || start.startsWith("update")
                || start.startsWith("delete");
    }
}
