package dev.backcoach.storage.schedule;

import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The timekeeper contract on PostgreSQL; without a server each test is skipped with a note
 * (CI=true: fails).
 */
class PostgresTimekeeperTest extends WeeklySummaryContract {
    @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

    @Override
    DatabaseSettings newDatabase() {
        return postgres.settings();
    }
}
