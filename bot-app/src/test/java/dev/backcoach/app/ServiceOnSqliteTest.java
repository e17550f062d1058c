package dev.backcoach.app;

import dev.backcoach.storage.DatabaseSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class ServiceOnSqliteTest extends ServiceOnDatabaseContract {
    @TempDir Path dir;

    @Override
    DatabaseSettings settings() {
        return new DatabaseSettings("jdbc:sqlite:" + dir.resolve("bot.db"), null, null);
    }
}
