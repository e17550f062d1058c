package dev.backcoach.storage;

import java.sql.SQLException;

/** The store contract on PostgreSQL, in a schema of its own per test. */
class PostgresStateStoreTest extends StateStoreContract {
    private String schema = "";

    @Override
    DatabaseSettings newDatabase() throws SQLException {
        // Per test, not per class: skipped tests then show up as skipped in the counts, not as zero tests.
        TestPostgres.requireRunning();
        schema = TestPostgres.createSchema();
        return TestPostgres.settingsFor(schema);
    }

    @Override
    void dropDatabase() throws SQLException {
        TestPostgres.dropSchema(schema);
    }
}
