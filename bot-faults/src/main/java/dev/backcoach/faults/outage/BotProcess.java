package dev.backcoach.faults.outage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as operators run it: {@code java -jar backcoach.jar}, configured by environment
 * only, its log (stderr and stdout) in a file the driver reads afterwards.
 */
public final class BotProcess implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int httpPort;

    private BotProcess(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /**
     * Starts the jar named by BACKCOACH_JAR (default {@code bot-app/target/backcoach.jar}) with
     * {@code env} plus HTTP_PORT, and waits until {@code /readyz} answers 200 (at most 60 s).
     */
    public static BotProcess start(Map<String, String> env, Path log) throws Exception {
        BotProcess bot = launch(List.of(), jar(), env, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (bot.readyz() != 200) {
            if (!bot.alive() || System.nanoTime() > deadline) {
                bot.close();
                throw new IllegalStateException("the bot did not get ready; see " + log);
            }
            Thread.sleep(100);
        }
        return bot;
    }

    /** The application's jar: BACKCOACH_JAR, else where the build leaves it. */
    public static String jar() {
        return System.getenv().getOrDefault("BACKCOACH_JAR", "bot-app/target/backcoach.jar");
    }

    /**
     * Starts {@code jar} after {@code prefix} (e.g. {@code runuser -u nobody --}) without waiting
     * for it to get ready.
     */
    public static BotProcess launch(
            List<String> prefix, String jar, Map<String, String> env, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .keySet()
                .removeIf(
                        k ->
                                k.startsWith("TELEGRAM_")
                                        || k.startsWith("DISCORD_")
                                        || k.startsWith("DATABASE_"));
        builder.environment().putAll(env);
        builder.environment().put("HTTP_PORT", Integer.toString(port));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.PIPE); // kept open: no end of input
        return new BotProcess(builder.start(), log, port);
    }

    /** The status of {@code GET /readyz}, or -1 when nothing answers. */
    public int readyz() {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + httpPort + "/readyz"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The exit code, or -1 while it runs. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
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

    /** Stops the process as an operator would (SIGTERM), at most 20 s, then SIGKILL. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
