package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract on PostgreSQL, in a schema of its own per test. Without a server each test is
 * skipped with a note (per test, so the counts show them as skipped); under CI=true it fails.
 */
class PostgresStateStoreTest extends JdbcStateStoreContract {
    @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

    @Override
    DatabaseSettings newDatabase() {
        return postgres.settings();
    }

    @Test
    void severalInstancesMayShareTheDatabaseSoNoneIsItsOnlyWriter() {
        assertThat(store.soleWriter()).isFalse();
    }
}
