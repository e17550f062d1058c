package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backcoach.app.ops.Metrics;
import dev.backcoach.app.ops.OpsServer;
import dev.backcoach.core.service.Readiness;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The image's HEALTHCHECK script, run with bash as Docker would, against the real endpoints. */
class HealthCheckScriptTest {
    static final Path SCRIPT = DeploymentFilesTest.ROOT.resolve("deploy/healthcheck.sh");

    @Test
    void succeedsOnlyOnA200() throws Exception {
        AtomicReference<Optional<String>> telegram = new AtomicReference<>(Optional.empty());
        Readiness check = telegram::get;
        try (Metrics metrics = new Metrics();
                OpsServer ops = OpsServer.start(0, metrics, Map.of("telegram", check))) {
            assertThat(run(ops.port(), "/healthz")).isZero();
            assertThat(run(ops.port(), "/readyz")).isZero();
            telegram.set(Optional.of("polling Telegram fails"));
            assertThat(run(ops.port(), "/readyz")).isNotZero();
            assertThat(run(ops.port(), "/healthz")).isZero();
        }
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        assertThat(run(closed, "/healthz")).as("nothing listening").isNotZero();
    }

    private static int run(int port, String path) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder("bash", SCRIPT.toString(), path).redirectErrorStream(true);
        builder.environment().put("HTTP_PORT", Integer.toString(port));
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the check ends by itself").isTrue();
        return process.exitValue();
    }
}
