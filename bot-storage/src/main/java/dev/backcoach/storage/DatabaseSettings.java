package dev.backcoach.storage;

import dev.backcoach.storage.sqlite.SqliteFile;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where the database is. {@code user} and {@code password} are for PostgreSQL; SQLite ignores them.
 * {@link #toString()} never shows the password, nor the URL's query string, which may carry one.
 */
public record DatabaseSettings(String url, @Nullable String user, @Nullable String password) {
    public static final String DEFAULT_URL = SqliteFile.DEFAULT_URL;

    public DatabaseSettings {
        url = Objects.requireNonNull(url, "url").strip();
        user = blankToNull(user);
        password = blankToNull(password);
    }

    /** DATABASE_URL (default {@value #DEFAULT_URL}), DATABASE_USER and DATABASE_PASSWORD. */
    public static DatabaseSettings fromEnvironment(Map<String, String> env) {
        String url = blankToNull(env.get("DATABASE_URL"));
        return new DatabaseSettings(
                url == null ? DEFAULT_URL : url,
                env.get("DATABASE_USER"),
                env.get("DATABASE_PASSWORD"));
    }

    /**
     * Why this URL cannot be used, as what DATABASE_URL should be instead; empty when it can.
     * Checks the form (with the PostgreSQL driver's own parser) and, for SQLite, that the file's
     * folder exists or can be created, without creating anything.
     */
    public Optional<String> problem() {
        if (url.startsWith(Dialect.SQLITE.prefix)) {
            return SqliteFile.problem(url);
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            return Optional.of("a JDBC URL starting with jdbc:sqlite: or jdbc:postgresql://");
        }
        // Hosts and ports checked here first: the driver's parser logs a warning of its own for a
        // bad port.
        String rest = url.substring("jdbc:postgresql://".length());
        String hosts = rest.split("[/?]", 2)[0];
        boolean hostsOk =
                !hosts.isEmpty()
                        && Arrays.stream(hosts.split(",", -1))
                                .allMatch(
                                        h ->
                                                h.matches(
                                                                "(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(:([1-9][0-9]{0,4}))?")
                                                        && (!h.matches(".*:[0-9]+")
                                                                || Integer.parseInt(
                                                                                h.replaceAll(
                                                                                        "^.*:", ""))
                                                                        <= 65_535));
        if (!hostsOk || org.postgresql.Driver.parseURL(url, null) == null) {
            return Optional.of("a PostgreSQL URL like jdbc:postgresql://host:5432/backcoach");
        }
        return Optional.empty();
    }

    /** The URL without query string and user info: safe for logs, messages and health reports. */
    public String urlWithoutSecrets() {
        String safe = url;
        int query = safe.indexOf('?');
        if (query >= 0) {
            safe = safe.substring(0, query);
        }
        int hostStart = safe.indexOf("//");
        int at = safe.indexOf('@', Math.max(hostStart, 0));
        if (hostStart >= 0 && at > hostStart) {
            safe = safe.substring(0, hostStart + 2) + safe.substring(at + 1);
        }
        return safe;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url="
                + urlWithoutSecrets()
                + ", user="
                + user
                + ", password="
                + (password == null ? "none" : "***")
                + "]";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
