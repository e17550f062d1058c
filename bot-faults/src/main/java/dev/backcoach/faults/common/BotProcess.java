package dev.backcoach.faults.common;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real bot as operators run it, {@code java -jar backcoach.jar}, configured by environment
 * only. It is stopped by its own pid: SIGKILL for a crash, SIGTERM for a clean stop.
 */
public final class BotProcess {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final URI ready;

    private BotProcess(Process process, URI ready) {
        this.process = process;
        this.ready = ready;
    }

    /**
     * Starts the jar with {@code env} added to a clean environment (no platform tokens of the
     * caller's), its output appended to {@code log}.
     *
     * @param ready answers 200 once the bot serves (its /readyz)
     */
    public static BotProcess start(
            Path jar, List<String> jvmOptions, Map<String, String> env, Path log, URI ready)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .keySet()
                .removeIf(
                        k ->
                                k.startsWith("TELEGRAM_")
                                        || k.startsWith("DISCORD_")
                                        || k.startsWith("DATABASE_"));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        return new BotProcess(builder.start(), ready);
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Waits until /readyz says 200; false if the process died or {@code max} passed. */
    public boolean awaitReady(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> response =
                        HTTP.send(
                                HttpRequest.newBuilder(ready)
                                        .timeout(Duration.ofSeconds(1))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** kill -9: no shutdown hook, no flush, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL if it has not stopped after {@code grace}; the exit code. */
    public int stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }
}
