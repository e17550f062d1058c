package dev.backcoach.faults.crash;

import dev.backcoach.faults.common.BotProcess;
import dev.backcoach.faults.common.Options;
import dev.backcoach.storage.DatabaseSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One bot process of a crash loop, restarted on the same ports and database after each kill. */
final class Instance {
    static final String SECRET = "fault-suite-secret";

    private final Path jar;
    private final Path log;
    private final Map<String, String> env = new HashMap<>();
    private final int webhookPort;
    private final List<String> jvm;
    private @Nullable BotProcess process;

    /** Started through this launcher (bin/backcoach) rather than plain {@code java -jar}. */
    @Nullable Path launcher;

    Instance(Path jar, Path log, String apiUrl, boolean webhook, DatabaseSettings database)
            throws IOException {
        this(jar, log, apiUrl, webhook, database, List.of("-Xmx256m"), Map.of());
    }

    Instance(
            Path jar,
            Path log,
            String apiUrl,
            boolean webhook,
            DatabaseSettings database,
            List<String> jvm,
            Map<String, String> extra)
            throws IOException {
        this.jar = jar;
        this.log = log;
        this.jvm = jvm;
        this.webhookPort = Options.freePort();
        env.put("TELEGRAM_BOT_TOKEN", "123456:fault-suite");
        env.put("TELEGRAM_API_URL", apiUrl);
        env.put("TELEGRAM_MODE", webhook ? "webhook" : "polling");
        env.put("TELEGRAM_WEBHOOK_PORT", Integer.toString(webhookPort));
        env.put("TELEGRAM_WEBHOOK_SECRET", SECRET);
        env.put("TELEGRAM_SEND_RATE", "1000");
        env.put("TELEGRAM_CHAT_RATE", "20");
        env.put("HTTP_PORT", Integer.toString(Options.freePort()));
        env.put("DATABASE_URL", database.url());
        if (database.user() != null) {
            env.put("DATABASE_USER", database.user());
        }
        if (database.password() != null) {
            env.put("DATABASE_PASSWORD", database.password());
        }
        env.put("LOG_LEVEL", "WARN");
        env.put("SHUTDOWN_TIMEOUT_SECONDS", "5");
        env.putAll(extra);
    }

    URI webhook() {
        return URI.create("http://127.0.0.1:" + webhookPort + "/telegram");
    }

    /** Start-ups that failed and were tried again (see {@link #start}). */
    int failedStarts;

    /**
     * Starts the process and waits until it is ready; false if it is not within a minute. A process
     * that exits during start-up (on a busy machine the database can time out then) is started
     * again, up to three times; each is counted in {@link #failedStarts} and reported.
     */
    boolean start() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            process =
                    launcher == null
                            ? BotProcess.launch(List.of(), jvm, jar.toString(), env, log)
                            : BotProcess.launchVia(launcher, jvm, jar.toString(), env, log);
            if (process.awaitReady(Duration.ofSeconds(60))) {
                return true;
            }
            if (process.alive()) {
                return false;
            }
            failedStarts++;
        }
        return false;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    void kill() throws InterruptedException {
        if (process != null) {
            process.kill();
        }
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    /** Lines the bot logged at ERROR, over all its runs. */
    int errorLines() throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log)) {
            return (int) lines.filter(l -> l.contains(" ERROR ")).count();
        }
    }
}
