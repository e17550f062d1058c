package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application on PostgreSQL behind a proxy that can take the database away: {@code /readyz}
 * turns 503 with the reason while the process stays alive, and ready again by itself.
 */
class ReadinessOnPostgresTest {
    private String schema;

    @BeforeEach
    void createSchema() throws Exception {
        TestPostgres.requireRunning();
        schema = TestPostgres.createSchema();
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            TestPostgres.dropSchema(schema);
        }
    }

    @Test
    void notReadyWhileTheDatabaseIsAwayAndReadyAgainAfter() throws Exception {
        DatabaseSettings direct = TestPostgres.settingsFor(schema);
        int pgPort = Integer.parseInt(direct.url().replaceAll("^jdbc:postgresql://[^:/]+:?(\\d*)/.*$", "$1")
                .transform(p -> p.isEmpty() ? "5432" : p));
        try (TcpProxy proxy = new TcpProxy(pgPort)) {
            Map<String, String> env = new HashMap<>();
            env.put("DATABASE_URL", direct.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"));
            env.put("DATABASE_USER", direct.user());
            env.put("DATABASE_PASSWORD", direct.password());
            env.put("HTTP_PORT", "0");
            Application app = new Application(AppConfig.fromEnvironment(env), new ByteArrayInputStream(new byte[0]),
                    new PrintStream(new ByteArrayOutputStream()));
            try {
                OpsClient ops = new OpsClient(app.httpPort().orElseThrow());
                assertThat(ops.get("/readyz")).extracting(OpsClient.Answer::status, OpsClient.Answer::body)
                        .containsExactly(200, "ready\n");
                assertThat(OpsClient.sample(ops.get("/metrics").body(), "backcoach_database_up")).isEqualTo(1);

                proxy.cut();
                OpsClient.Answer down = ops.get("/readyz");
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.body()).isEqualTo("not ready: database: the database does not answer\n")
                        .doesNotContain(direct.password());
                assertThat(OpsClient.sample(ops.get("/metrics").body(), "backcoach_database_up")).isZero();
                assertThat(ops.get("/healthz").status()).as("alive all the same").isEqualTo(200);

                proxy.restore();
                await().atMost(TelegramUser.WAIT).until(() -> ops.get("/readyz").status() == 200);
            } finally {
                app.close();
            }
        }
    }
}
