package dev.backcoach.storage.schedule;

import dev.backcoach.storage.DatabaseSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteTimekeeperTest extends WeeklySummaryContract {
    @TempDir Path folder;

    @Override
    DatabaseSettings newDatabase() {
        return new DatabaseSettings("jdbc:sqlite:" + folder.resolve("backcoach.db"), null, null);
    }
}
