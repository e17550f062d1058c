package dev.backcoach.storage.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, kept between starts in this user's cache folder ({@code
 * $XDG_CACHE_HOME/backcoach}, else {@code ~/.cache/backcoach}). The driver otherwise copies it out
 * of the jar into the temporary folder on every start, under a new name, then reads both copies
 * back byte by byte to compare them: about 60 ms of CPU in a start of under a second, and a
 * megabyte left in the temporary folder by every start that is killed. Here a start reads the jar's
 * copy once, compares it with the kept one and points the driver at it.
 *
 * <p>Only a copy this user alone can write is loaded: the folder must be theirs and closed to
 * everyone else (it is made so), and the copy must equal the jar's byte for byte. Anything else, an
 * operator's own {@code org.sqlite.lib.path}, or a system without POSIX permissions, leaves the
 * driver to its own way.
 */
public final class SqliteNativeLibrary {
    private static final Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(
                    PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE);

    private static boolean prepared;

    private SqliteNativeLibrary() {}

    /** Points the driver at the kept copy, once per process, before its first connection. */
    public static synchronized void prepare() {
        if (prepared || System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        prepared = true;
        Optional<Path> cache = cacheFolder();
        Optional<Path> copy = cache.flatMap(SqliteNativeLibrary::keepIn);
        if (copy.isPresent()) {
            Path library = copy.get();
            System.setProperty(PATH_PROPERTY, String.valueOf(library.getParent()));
            System.setProperty(NAME_PROPERTY, String.valueOf(library.getFileName()));
        }
    }

    /** This user's cache folder for the bot, when the environment names a home. */
    static Optional<Path> cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Optional.of(Path.of(xdg, "backcoach"));
        }
        String home = System.getProperty("user.home", "");
        return home.isBlank() || "?".equals(home)
                ? Optional.empty()
                : Optional.of(Path.of(home, ".cache", "backcoach"));
    }

    /**
     * The verified copy of the driver's library for this system in {@code cache}, written there
     * when missing or different; empty when it cannot be kept safely.
     */
    static Optional<Path> keepIn(Path cache) {
        try {
            byte[] library = fromJar();
            if (library.length == 0) {
                return Optional.empty(); // no library for this system: the driver explains
            }
            Path folder = privateFolder(cache.resolve("sqlite"));
            if (folder == null) {
                return Optional.empty();
            }
            CRC32 crc = new CRC32();
            crc.update(library);
            Path copy =
                    folder.resolve(
                            Long.toHexString(crc.getValue())
                                    + "-"
                                    + LibraryLoaderUtil.getNativeLibName());
            if (!Files.isRegularFile(copy) || !Arrays.equals(Files.readAllBytes(copy), library)) {
                write(folder, copy, library);
            }
            return Optional.of(copy);
        } catch (IOException | RuntimeException e) {
            log.debug(
                    "SQLite's native library is not kept ({}): the driver extracts it",
                    e.toString());
            return Optional.empty();
        }
    }

    private static byte[] fromJar() throws IOException {
        String resource =
                LibraryLoaderUtil.getNativeLibResourcePath()
                        + "/"
                        + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        }
    }

    /** The folder, made for this user alone; null when it exists and others could write to it. */
    private static @Nullable Path privateFolder(Path folder) throws IOException {
        if (Files.getFileAttributeView(folder.getRoot(), PosixFileAttributeView.class) == null) {
            return null;
        }
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another start made it meanwhile: checked below like any other
            }
        }
        boolean ours = Files.getOwner(folder).getName().equals(System.getProperty("user.name"));
        boolean closed = OWNER_ONLY.containsAll(Files.getPosixFilePermissions(folder));
        if (!ours || !closed || Files.isSymbolicLink(folder)) {
            log.debug("{} is not this user's alone: SQLite's library is not kept there", folder);
            return null;
        }
        return folder;
    }

    /** Written beside, then moved into place, so another start never loads half a file. */
    private static void write(Path folder, Path copy, byte[] library) throws IOException {
        Path partial = Files.createTempFile(folder, "partial-", ".tmp");
        try {
            Files.write(partial, library);
            Files.move(
                    partial,
                    copy,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        // Copies of other driver versions: a process using one keeps its open file.
        try (DirectoryStream<Path> others = Files.newDirectoryStream(folder)) {
            for (Path other : others) {
                String name = String.valueOf(other.getFileName());
                if (!other.equals(copy) && name.endsWith(LibraryLoaderUtil.getNativeLibName())) {
                    Files.deleteIfExists(other);
                }
            }
        }
        log.debug("SQLite's native library kept at {}", copy);
    }
}
