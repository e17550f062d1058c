package dev.backcoach.storage.sqlite;

import dev.backcoach.storage.UnusableDatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The file behind a {@code jdbc:sqlite:} URL. SQLite creates the file but not its folder, and a
 * relative path is taken relative to the working directory (the runtime contract), so the URL is
 * rewritten to the absolute path whose folder was created.
 */
public final class SqliteFile {
    public static final String PREFIX = "jdbc:sqlite:";

    /** The bot's default database: a file in {@code data/} under the working directory. */
    public static final String DEFAULT_URL = PREFIX + "data/backcoach.db";

    private SqliteFile() {}

    /** Creates the folder and returns the URL to connect to. */
    public static String prepare(String url) {
        String location = location(url);
        String parameters = url.substring(PREFIX.length() + location.length());
        if (location.isEmpty()
                || location.contains(":memory:")
                || parameters.contains("mode=memory")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL: an in-memory SQLite database is not supported: each "
                            + "pooled connection would get its own empty database. Use a file, e.g. "
                            + DEFAULT_URL);
        }
        if (location.startsWith("file:")) {
            // A URI form: leave SQLite's own parsing alone; only its folder needs to exist.
            createFolder(path(location));
            return url;
        }
        Path file = Path.of(location).toAbsolutePath();
        createFolder(file);
        return PREFIX + file + parameters;
    }

    /** The database file of a URL {@link #prepare} returned. */
    public static Path file(String preparedUrl) {
        return path(location(preparedUrl));
    }

    /** The part of the URL before its parameters: a path, or a {@code file:} URI. */
    private static String location(String url) {
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    private static Path path(String location) {
        return Path.of(location.replaceFirst("^file:(//)?", "")).toAbsolutePath();
    }

    /**
     * What is wrong with the URL's file location, as what is expected instead; empty when usable.
     */
    public static Optional<String> problem(String url) {
        String location = location(url);
        if (location.isEmpty() || location.contains(":memory:") || url.contains("mode=memory")) {
            return Optional.of("a SQLite file, e.g. " + DEFAULT_URL);
        }
        Path file;
        Path folder;
        try {
            file = path(location);
            folder = file.getParent();
        } catch (InvalidPathException e) {
            return Optional.of("a SQLite file path, e.g. " + DEFAULT_URL);
        }
        // The nearest folder that exists must be writable: the file's folder is made there, and in
        // WAL
        // mode SQLite writes its -wal and -shm files beside the database file.
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            return Optional.of(
                    "a SQLite file in a folder the bot can create and write ("
                            + (existing == null ? folder : existing)
                            + " is not a writable folder)");
        }
        // A file the bot may read but not write opens read-only without a word, and every save
        // would fail later: say so before start-up instead (found by the fault suite).
        if (Files.exists(file) && !Files.isWritable(file)) {
            return Optional.of(
                    "a SQLite file the bot can write (" + file + " is read-only for this user)");
        }
        return Optional.empty();
    }

    private static void createFolder(Path file) {
        Path folder = file.getParent();
        if (folder == null) {
            return;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            // What the check before start-up could not foresee (a dangling link, a read-only
            // mount): the
            // same kind of answer as that check, since the fix is the same, a usable DATABASE_URL.
            throw new UnusableDatabaseUrl(
                    "a SQLite file in a folder the bot can create and write (cannot create "
                            + folder
                            + ")");
        }
    }
}
