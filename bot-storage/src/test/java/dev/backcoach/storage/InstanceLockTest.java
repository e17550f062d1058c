package dev.backcoach.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backcoach.core.model.Platform;
import dev.backcoach.core.model.UserKey;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One instance per SQLite file: a second one is refused with a message saying what to do. */
class InstanceLockTest {
    @TempDir Path folder;

    @Test
    void aSecondInstanceInThisProcessIsRefusedAndTheFirstGoesOn() {
        DatabaseSettings settings = settings();
        try (Database first = Database.openForServing(settings)) {
            assertThatThrownBy(() -> Database.openForServing(settings))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(folder.resolve("bot.db").toString())
                    .hasMessageContaining("stop the other one, or use PostgreSQL");
            assertThat(first.soleWriter()).isTrue();
            assertThat(new JdbcStateStore(first).load(new UserKey(Platform.TELEGRAM, "1")))
                    .isEmpty();
        }
        try (Database next = Database.openForServing(settings)) {
            assertThat(next.soleWriter()).as("the lock was let go on close").isTrue();
        }
    }

    @Test
    void aLookAtWhatIsStoredLeavesTheFileToTheInstanceServingIt() {
        try (Database serving = Database.openForServing(settings());
                Database look = Database.open(settings())) {
            assertThat(look.soleWriter()).isFalse();
            assertThat(serving.soleWriter()).isTrue();
        }
    }

    /** Another JVM holds the lock file, as a second bot started on the same file would. */
    @Test
    void anInstanceInAnotherProcessIsRefusedUntilItStops() throws Exception {
        Path holder = folder.resolve("Holder.java");
        Files.writeString(
                holder,
                """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                class Holder {
                    public static void main(String[] a) throws Exception {
                        var channel = FileChannel.open(Path.of(a[0]),
                                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        var lock = channel.tryLock();
                        System.out.println(lock == null ? "busy" : "held");
                        System.in.read();
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other =
                new ProcessBuilder(
                                java, holder.toString(), folder.resolve("bot.db.lock").toString())
                        .redirectErrorStream(true)
                        .start();
        try {
            var said =
                    new BufferedReader(
                            new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("held");
            assertThatThrownBy(() -> Database.openForServing(settings()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another instance is serving the SQLite database");
        } finally {
            other.getOutputStream().close(); // lets it end
            assertThat(other.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        try (Database database = Database.openForServing(settings())) {
            assertThat(database.soleWriter()).isTrue();
        }
    }

    private DatabaseSettings settings() {
        return new DatabaseSettings("jdbc:sqlite:" + folder.resolve("bot.db"), null, null);
    }
}
