package dev.backcoach.storage;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A schema of its own for each test on the test PostgreSQL (see {@link TestPostgres}), dropped
 * afterwards: {@code @RegisterExtension final PostgresSchema postgres = new PostgresSchema();}.
 */
public final class PostgresSchema implements BeforeEachCallback, AfterEachCallback {
    private @Nullable String schema;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        TestPostgres.requireRunning();
        schema = TestPostgres.createSchema();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (schema != null) {
            TestPostgres.dropSchema(schema);
            schema = null;
        }
    }

    /** Connection settings that land in this test's schema. */
    public DatabaseSettings settings() {
        if (schema == null) {
            throw new IllegalStateException("no schema: the extension has not run for this test");
        }
        return TestPostgres.settingsFor(schema);
    }

    /**
     * The port PostgreSQL listens on (5432 when the URL names none), e.g. for a proxy in front of
     * it.
     */
    public int port() {
        String port = settings().url().replaceAll("^jdbc:postgresql://[^:/]+:?(\\d*)/.*$", "$1");
        return port.isEmpty() ? 5432 : Integer.parseInt(port);
    }

    /** This test's URL, but reaching PostgreSQL through {@code 127.0.0.1:proxyPort}. */
    public String urlThrough(int proxyPort) {
        return settings().url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxyPort + "/");
    }
}
