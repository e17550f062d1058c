package dev.backcoach.faults.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real bot as operators run it, {@code java -jar backcoach.jar}, configured by environment
 * only, its output (stdout and stderr) appended to a log the driver reads afterwards. It is stopped
 * by its own pid: SIGKILL for a crash, SIGTERM for a clean stop.
 */
public final class BotProcess implements AutoCloseable {
    /** The JVM options of a driver that names none: a small heap, one GC thread. */
    public static final List<String> SMALL = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final URI ready;

    private BotProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.ready = URI.create("http://127.0.0.1:" + httpPort + "/readyz");
    }

    /**
     * Starts {@link #jar()} with {@code env} and waits until {@code /readyz} answers 200 (at most
     * 60 s); a process that does not get ready is stopped and reported.
     */
    public static BotProcess start(Map<String, String> env, Path log) throws Exception {
        BotProcess bot = launch(List.of(), SMALL, jar(), env, log);
        if (!bot.awaitReady(Duration.ofSeconds(60))) {
            bot.close();
            throw new IllegalStateException("the bot did not get ready; see " + log);
        }
        return bot;
    }

    /** The application's jar: BACKCOACH_JAR, else where the build leaves it. */
    public static String jar() {
        return System.getenv().getOrDefault("BACKCOACH_JAR", "bot-app/target/backcoach.jar");
    }

    /**
     * Starts {@code jar} after {@code prefix} (e.g. {@code runuser -u nobody --}) with the {@link
     * #SMALL} options, without waiting for it to get ready.
     */
    public static BotProcess launch(
            List<String> prefix, String jar, Map<String, String> env, Path log) throws IOException {
        return launch(prefix, SMALL, jar, env, log);
    }

    /**
     * Starts the jar with {@code env} added to a clean environment (no platform or database
     * settings of the caller's), without waiting for it to get ready. {@code HTTP_PORT} (where
     * {@code /readyz} answers) is taken from {@code env}, or a free port is chosen.
     */
    public static BotProcess launch(
            List<String> prefix,
            List<String> jvmOptions,
            String jar,
            Map<String, String> env,
            Path log)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar));
        return start(command, env, log);
    }

    /**
     * Starts the jar through the launcher operators use ({@code bin/backcoach}: its collector, its
     * malloc arenas), {@code jvmOptions} as its JAVA_OPTS (which come last, so they win).
     */
    public static BotProcess launchVia(
            Path launcher, List<String> jvmOptions, String jar, Map<String, String> env, Path log)
            throws IOException {
        Map<String, String> settings = new HashMap<>(env);
        settings.put("JAVA_OPTS", String.join(" ", jvmOptions));
        settings.put("BACKCOACH_JAR", jar);
        return start(List.of(launcher.toString()), settings, log);
    }

    private static BotProcess start(List<String> command, Map<String, String> env, Path log)
            throws IOException {
        Map<String, String> settings = new HashMap<>(env);
        int port =
                Integer.parseInt(
                        settings.computeIfAbsent("HTTP_PORT", k -> Integer.toString(freePort())));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .keySet()
                .removeIf(
                        k ->
                                k.startsWith("TELEGRAM_")
                                        || k.startsWith("DISCORD_")
                                        || k.startsWith("DATABASE_"));
        builder.environment().putAll(settings);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.PIPE); // kept open: no end of input
        return new BotProcess(builder.start(), log, port);
    }

    /** Waits until /readyz says 200; false if the process died or {@code max} passed. */
    public boolean awaitReady(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            if (readyz() == 200) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The status of {@code GET /readyz}, or -1 when nothing answers. */
    public int readyz() {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** The log's lines so far. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Log lines that show a failure nobody handled: ERROR lines and threads that died. (Libraries
     * log some expected failures, such as a connection the pool found broken, as WARN with a stack
     * trace; those are not counted.) The driver decides which, if any, are by design.
     */
    public List<String> errors() {
        List<String> out = new ArrayList<>();
        for (String line : logLines()) {
            if (line.contains(" ERROR ") || line.startsWith("Exception in thread")) {
                out.add(line);
            }
        }
        return out;
    }

    /** kill -9: no shutdown hook, no flush, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, then SIGKILL if it has not stopped after {@code grace}; the exit code (-1 if it
     * still runs).
     */
    public int stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return exitCode();
    }

    /** Stops the process as an operator would (SIGTERM), at most 20 s, then SIGKILL. */
    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A loopback port free right now. */
    public static int freePort() {
        try {
            return Options.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
