package dev.backcoach.storage;

/**
 * DATABASE_URL turned out unusable only when used (its SQLite folder could not be created): a
 * configuration error like the ones found before start-up, not an outage.
 *
 * <p>The message says what DATABASE_URL should be instead, as {@link DatabaseSettings#problem()}
 * does.
 */
public final class UnusableDatabaseUrl extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnusableDatabaseUrl(String expected) {
        super(expected, null, false, false);
    }
}
