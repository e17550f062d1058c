package dev.backcoach.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/** Kept statements behave like fresh ones: no parameter, result or snapshot carries over. */
class SqliteStatementCacheTest {
    @TempDir Path folder;

    private SqliteStatementCache cache;
    private SQLiteDataSource plain;

    @BeforeEach
    void database() throws SQLException {
        plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + folder.resolve("cache.db"));
        cache = new SqliteStatementCache(plain);
        try (Connection c = plain.getConnection();
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
        }
    }

    @Test
    void theSameSqlOnTheSameConnectionReusesTheCompiledStatement() throws SQLException {
        try (Connection c = cache.getConnection()) {
            JDBC4PreparedStatement first;
            try (PreparedStatement s = c.prepareStatement("SELECT v FROM t WHERE k = ?")) {
                first = s.unwrap(JDBC4PreparedStatement.class);
                assertThat(value(s, 1)).isEqualTo("one");
            }
            try (PreparedStatement s = c.prepareStatement("SELECT v FROM t WHERE k = ?")) {
                assertThat(s.unwrap(JDBC4PreparedStatement.class)).isSameAs(first);
                assertThat(value(s, 2)).isEqualTo("two");
            }
        }
    }

    @Test
    void aHandedBackStatementHasNoParametersLeft() throws SQLException {
        try (Connection c = cache.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT ?")) {
                s.setString(1, "left over");
                try (ResultSet r = s.executeQuery()) {
                    assertThat(r.next()).isTrue();
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT ?");
                    ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isNull();
            }
        }
    }

    @Test
    void theSameSqlPreparedTwiceAtOnceGivesTwoIndependentStatements() throws SQLException {
        try (Connection c = cache.getConnection();
                PreparedStatement outer = c.prepareStatement("SELECT v FROM t WHERE k = ?");
                PreparedStatement inner = c.prepareStatement("SELECT v FROM t WHERE k = ?")) {
            outer.setInt(1, 1);
            inner.setInt(1, 2);
            try (ResultSet a = outer.executeQuery();
                    ResultSet b = inner.executeQuery()) {
                assertThat(a.next() && b.next()).isTrue();
                assertThat(a.getString(1)).isEqualTo("one");
                assertThat(b.getString(1)).isEqualTo("two");
            }
        }
    }

    /**
     * A result set left open would keep SQLite's read snapshot, and the log could never be emptied.
     */
    @Test
    void aResultSetLeftOpenIsClosedWhenTheStatementIsHandedBack() throws SQLException {
        try (Connection reader = cache.getConnection();
                Connection writer = plain.getConnection()) {
            PreparedStatement s = reader.prepareStatement("SELECT v FROM t");
            ResultSet r = s.executeQuery();
            assertThat(r.next()).isTrue();
            s.close(); // r is not closed by its user
            assertThat(r.isClosed()).isTrue();
            try (Statement w = writer.createStatement()) {
                w.execute("INSERT INTO t VALUES (3, 'three')");
                try (ResultSet checkpoint = w.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    assertThat(checkpoint.next()).isTrue();
                    assertThat(checkpoint.getInt(1)).as("checkpoint blocked by a reader").isZero();
                }
            }
        }
    }

    @Test
    void closingTheConnectionClosesItsStatements() throws SQLException {
        JDBC4PreparedStatement kept;
        try (Connection c = cache.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1")) {
            kept = s.unwrap(JDBC4PreparedStatement.class);
        }
        assertThat(kept.isClosed()).isTrue();
    }

    @Test
    void onlyTheMostRecentlyUsedStatementsAreKept() throws SQLException {
        try (Connection c = cache.getConnection()) {
            JDBC4PreparedStatement oldest;
            try (PreparedStatement s = c.prepareStatement("SELECT 0")) {
                oldest = s.unwrap(JDBC4PreparedStatement.class);
            }
            for (int i = 1; i <= SqliteStatementCache.PER_CONNECTION; i++) {
                c.prepareStatement("SELECT " + i).close();
            }
            assertThat(oldest.isClosed()).isTrue();
            try (PreparedStatement s = c.prepareStatement("SELECT 0");
                    ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aStatementPushedOutWhileInUseWorksUntilItsUserClosesIt() throws SQLException {
        try (Connection c = cache.getConnection()) {
            PreparedStatement held = c.prepareStatement("SELECT v FROM t WHERE k = ?");
            JDBC4PreparedStatement underneath = held.unwrap(JDBC4PreparedStatement.class);
            for (int i = 1; i <= SqliteStatementCache.PER_CONNECTION; i++) {
                c.prepareStatement("SELECT " + i).close();
            }
            assertThat(value(held, 2)).isEqualTo("two");
            held.close();
            assertThat(underneath.isClosed()).isTrue();
        }
    }

    private static String value(PreparedStatement s, int key) throws SQLException {
        s.setInt(1, key);
        try (ResultSet r = s.executeQuery()) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }
}
