package dev.backcoach.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The kept copy of SQLite's native library is loaded into the bot's process as code: it must be
 * exactly the driver's, in a folder nobody else can write to, or not be used at all.
 */
class SqliteNativeLibraryTest {
    @TempDir Path cache;

    @Test
    void keepsAnExactCopyInAFolderOnlyThisUserCanOpen() throws IOException {
        Path copy = SqliteNativeLibrary.keepIn(cache).orElseThrow();

        assertThat(Files.readAllBytes(copy)).isEqualTo(driversLibrary());
        assertThat(copy.getParent()).isEqualTo(cache.resolve("sqlite"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.getParent())))
                .isEqualTo("rwx------");
        try (var left = Files.list(copy.getParent())) {
            assertThat(left).as("no half-written file is left").containsExactly(copy);
        }
    }

    @Test
    void aLaterStartUsesTheCopyWithoutWritingItAgain() throws IOException {
        Path first = SqliteNativeLibrary.keepIn(cache).orElseThrow();
        Object written = Files.readAttributes(first, BasicFileAttributes.class).fileKey();

        Path again = SqliteNativeLibrary.keepIn(cache).orElseThrow();

        assertThat(again).isEqualTo(first);
        assertThat(Files.readAttributes(again, BasicFileAttributes.class).fileKey())
                .as("the same file, not a new one")
                .isEqualTo(written);
    }

    @Test
    void aCopyThatDiffersFromTheDriversIsReplaced() throws IOException {
        Path copy = SqliteNativeLibrary.keepIn(cache).orElseThrow();
        byte[] changed = Files.readAllBytes(copy);
        changed[changed.length / 2] ^= 1;
        Files.write(copy, changed);

        Path again = SqliteNativeLibrary.keepIn(cache).orElseThrow();

        assertThat(Files.readAllBytes(again)).isEqualTo(driversLibrary());
    }

    @Test
    void aFolderOthersCouldWriteToIsNotUsedAndNothingIsWrittenThere() throws IOException {
        Path folder = Files.createDirectories(cache.resolve("sqlite"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(SqliteNativeLibrary.keepIn(cache)).isEmpty();
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFolderThatCannotBeMadeLeavesTheDriverToItsOwnWay() throws IOException {
        Path notAFolder = Files.writeString(cache.resolve("file"), "in the way");

        assertThat(SqliteNativeLibrary.keepIn(notAFolder)).isEmpty();
    }

    @Test
    void copiesOfOtherDriverVersionsAreRemovedWhenThisOneIsWritten() throws IOException {
        Path folder = Files.createDirectories(cache.resolve("sqlite"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        Path older = Files.writeString(folder.resolve("1234abcd-" + libraryName()), "older");
        Path unrelated = Files.writeString(folder.resolve("notes.txt"), "kept");

        Path copy = SqliteNativeLibrary.keepIn(cache).orElseThrow();

        assertThat(copy).exists();
        assertThat(older).doesNotExist();
        assertThat(unrelated).exists();
    }

    private static String libraryName() {
        return LibraryLoaderUtil.getNativeLibName();
    }

    private static byte[] driversLibrary() throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + libraryName();
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            return Objects.requireNonNull(in, resource).readAllBytes();
        }
    }
}
