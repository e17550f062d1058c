package dev.backcoach.storage;

import dev.backcoach.core.service.StateStoreContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * What every {@link JdbcStateStore} contract class needs: a new, empty database per test and the
 * store on it. The contracts build on each other only to keep files small; {@link
 * JdbcStateStoreContract} is the one the per-database test classes extend.
 */
abstract class JdbcStoreFixture extends StateStoreContract<JdbcStateStore> {

    DatabaseSettings settings;
    Database database;

    /** Settings for a new, empty database that only this test uses. */
    abstract DatabaseSettings newDatabase() throws Exception;

    @Override
    protected JdbcStateStore newStore() throws Exception {
        settings = newDatabase();
        database = Database.openForServing(settings);
        return new JdbcStateStore(database, clock);
    }

    @AfterEach
    void close() throws Exception {
        if (database != null) { // null when opening failed
            database.close();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(Map<String, Object> export, String table) {
        return (List<Map<String, Object>>) export.get(table);
    }
}
