package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a SQLite file of its own per test. */
class SqliteStateStoreTest extends JdbcStateStoreContract {
    @TempDir Path folder;

    @Override
    DatabaseSettings newDatabase() {
        return new DatabaseSettings("jdbc:sqlite:" + folder.resolve("backcoach.db"), null, null);
    }

    @Test
    void theOneInstanceOnTheFileIsItsOnlyWriter() {
        assertThat(store.soleWriter()).isTrue();
    }
}
