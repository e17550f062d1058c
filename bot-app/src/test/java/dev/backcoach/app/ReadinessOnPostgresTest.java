package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.backcoach.storage.DatabaseSettings;
import dev.backcoach.storage.PostgresSchema;
import dev.backcoach.storage.TcpProxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application on PostgreSQL behind a proxy that can take the database away: {@code /readyz}
 * turns 503 with the reason while the process stays alive, and ready again by itself.
 */
class ReadinessOnPostgresTest {
    @RegisterExtension final PostgresSchema postgres = new PostgresSchema();

    @Test
    void notReadyWhileTheDatabaseIsAwayAndReadyAgainAfter() throws Exception {
        DatabaseSettings direct = postgres.settings();
        try (TcpProxy proxy = new TcpProxy(postgres.port())) {
            Map<String, String> env = new HashMap<>();
            env.put("DATABASE_URL", postgres.urlThrough(proxy.port()));
            env.put("DATABASE_USER", direct.user());
            env.put("DATABASE_PASSWORD", direct.password());
            env.put("HTTP_PORT", "0");
            Application app = Apps.start(env);
            try {
                OpsClient ops = new OpsClient(app.httpPort().orElseThrow());
                assertThat(ops.get("/readyz"))
                        .extracting(OpsClient.Answer::status, OpsClient.Answer::body)
                        .containsExactly(200, "ready\n");
                assertThat(OpsClient.sample(ops.get("/metrics").body(), "backcoach_database_up"))
                        .isEqualTo(1);

                proxy.cut();
                OpsClient.Answer down = ops.get("/readyz");
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.body())
                        .isEqualTo("not ready: database: the database does not answer\n")
                        .doesNotContain(direct.password());
                assertThat(OpsClient.sample(ops.get("/metrics").body(), "backcoach_database_up"))
                        .isZero();
                assertThat(ops.get("/healthz").status()).as("alive all the same").isEqualTo(200);

                proxy.restore();
                await().atMost(TelegramUser.WAIT).until(() -> ops.get("/readyz").status() == 200);
            } finally {
                app.close();
            }
        }
    }
}
