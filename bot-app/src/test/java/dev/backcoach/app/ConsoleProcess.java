package dev.backcoach.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The real bot in its own JVM, chatting on stdin/stdout, that a test can type into and kill. */
final class ConsoleProcess implements AutoCloseable {
    private final Process process;
    private final Path stderr;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ConsoleProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader out =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String line = out.readLine();
                                        line != null;
                                        line = out.readLine()) {
                                    lines.add(line);
                                }
                            } catch (IOException e) {
                                lines.add("<stdout closed: " + e.getMessage() + ">");
                            }
                        },
                        "console-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static ConsoleProcess start(Path workDir, Map<String, String> env) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The jar's own logging setup (LogSetup) wins over the logback-test.xml that bot-storage's
        // test-jar brings along.
        ProcessBuilder builder =
                new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                Main.class.getName())
                        .directory(workDir.toFile())
                        .redirectError(workDir.resolve("stderr.log").toFile());
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        builder.environment().remove("DISCORD_BOT_TOKEN");
        builder.environment().remove("HTTP_PORT");
        builder.environment().remove("LOG_FORMAT");
        builder.environment().putAll(env);
        // Tests run side by side: a bot that serves HTTP takes any free port unless a test says
        // otherwise.
        builder.environment().putIfAbsent("HTTP_PORT", "0");
        return new ConsoleProcess(builder.start(), workDir.resolve("stderr.log"));
    }

    void type(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    /**
     * Waits until a line containing {@code text} is printed; returns everything printed up to it.
     */
    String awaitLine(String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        StringBuilder upTo = new StringBuilder();
        while (Instant.now().isBefore(deadline)) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            upTo.append(line).append('\n');
            if (line.contains(text)) {
                return upTo.toString();
            }
        }
        throw new AssertionError(
                "no line with '"
                        + text
                        + "' within "
                        + timeout
                        + "; printed:\n"
                        + String.join("\n", seen));
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM kill would be. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Docker, systemd or Kubernetes stop a service. */
    void terminate() {
        process.destroy();
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "the bot did not exit within " + timeout + "; stderr:\n" + stderr());
        }
        return process.exitValue();
    }

    /** Everything logged so far (logs go to stderr). */
    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "<no stderr: " + e.getMessage() + ">";
        }
    }

    /**
     * The port of the operator endpoints, from the log line that announces it (needs
     * LOG_LEVEL=INFO).
     */
    int httpPort(Duration timeout) {
        java.util.regex.Pattern announced =
                java.util.regex.Pattern.compile("/metrics on port (\\d+)");
        try {
            return org.awaitility.Awaitility.await()
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> {
                                java.util.regex.Matcher m = announced.matcher(stderr());
                                return m.find() ? Integer.parseInt(m.group(1)) : -1;
                            },
                            port -> port > 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "no HTTP port announced within " + timeout + "; stderr:\n" + stderr(), e);
        }
    }

    int endInputAndWait() throws IOException, InterruptedException {
        stdin.close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the bot did not exit at end of input");
        }
        return process.exitValue();
    }

    /**
     * Everything printed so far and not yet awaited, after waiting briefly for the output to
     * settle.
     */
    String drain(Duration settle) throws InterruptedException {
        StringBuilder rest = new StringBuilder();
        for (String line = lines.poll(settle.toMillis(), TimeUnit.MILLISECONDS);
                line != null;
                line = lines.poll(settle.toMillis(), TimeUnit.MILLISECONDS)) {
            seen.add(line);
            rest.append(line).append('\n');
        }
        return rest.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
