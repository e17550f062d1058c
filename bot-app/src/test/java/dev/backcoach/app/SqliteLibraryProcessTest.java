package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.backcoach.core.content.Catalog;
import dev.backcoach.core.content.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real bot loads SQLite's native library from the copy kept in its cache folder, not from a new
 * extraction into the temporary folder, and a second start loads the same copy.
 */
class SqliteLibraryProcessTest {
    private static final Catalog CATALOG = CatalogLoader.load("en");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void theBotLoadsTheKeptCopyAndLeavesTheTemporaryFolderAlone(@TempDir Path dir)
            throws Exception {
        assumeThat(Path.of("/proc/self/maps")).as("Linux shows what a process loaded").exists();
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path temporary = Files.createDirectories(dir.resolve("tmp"));
        Map<String, String> env =
                Map.of(
                        "DATABASE_URL",
                        "jdbc:sqlite:state/backcoach.db",
                        "XDG_CACHE_HOME",
                        cache.toString(),
                        "JAVA_TOOL_OPTIONS",
                        "-Djava.io.tmpdir=" + temporary);

        Path first = loadedSqliteLibrary(dir, env);
        Path second = loadedSqliteLibrary(dir, env);

        assertThat(first.toString()).startsWith(cache.resolve("backcoach/sqlite") + "/");
        assertThat(second).isEqualTo(first);
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left.map(Path::getFileName).map(Path::toString))
                    .noneMatch(name -> name.contains("sqlite"));
        }
    }

    /** Starts the bot, chats one line, and reads which SQLite library its process mapped. */
    private static Path loadedSqliteLibrary(Path dir, Map<String, String> env) throws Exception {
        try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
            bot.awaitLine(CATALOG.text("start.ask_adult"), WAIT);
            List<String> maps = Files.readAllLines(Path.of("/proc", bot.pid() + "", "maps"));
            assertThat(bot.endInputAndWait()).isZero();
            List<String> sqlite =
                    maps.stream()
                            .filter(line -> line.contains("sqlitejdbc"))
                            .map(line -> line.substring(line.indexOf('/')))
                            .distinct()
                            .toList();
            assertThat(sqlite).as(String.join("\n", maps)).hasSize(1);
            return Path.of(sqlite.get(0));
        }
    }
}
