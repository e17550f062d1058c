package dev.backcoach.storage.schedule;

import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.TestPostgres;

class PostgresTimekeeperTest extends TimekeeperContract {
    private String schema = "";

    @Override
    DatabaseSettings newDatabase() throws Exception {
        TestPostgres.requireRunning();
        schema = TestPostgres.createSchema();
        return TestPostgres.settingsFor(schema);
    }

    @Override
    void dropDatabase() throws Exception {
        TestPostgres.dropSchema(schema);
    }
}
