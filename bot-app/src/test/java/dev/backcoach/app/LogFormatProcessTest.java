package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's logs on stderr: readable lines by default, one JSON object a line with LOG_FORMAT=json.
 */
class LogFormatProcessTest {
    static final String PASSWORD = "pw-xyzzy-never-shown";

    @TempDir Path dir;

    @Test
    void readableLinesByDefault() throws Exception {
        List<String> lines = run(Map.of());
        assertThat(lines)
                .isNotEmpty()
                .allSatisfy(
                        line ->
                                assertThat(line)
                                        .matches(
                                                "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) \\S+ - .*"));
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .contains(" INFO  d.b.app.Application - started with"));
    }

    @Test
    void jsonLinesWhenAskedFor() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = run(Map.of("LOG_FORMAT", "JSON"));
        assertThat(lines).isNotEmpty();
        List<JsonNode> events =
                lines.stream()
                        .map(
                                line -> {
                                    try {
                                        return json.readTree(line);
                                    } catch (Exception e) {
                                        throw new AssertionError("not a JSON line: " + line, e);
                                    }
                                })
                        .toList();
        assertThat(events)
                .allSatisfy(
                        event -> {
                            assertThat(event.path("timestamp").isNumber()).isTrue();
                            assertThat(event.path("level").asText())
                                    .isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
                            assertThat(event.path("loggerName").asText()).isNotEmpty();
                        });
        assertThat(events)
                .anySatisfy(
                        event -> {
                            assertThat(event.path("loggerName").asText())
                                    .isEqualTo("dev.backcoach.app.Application");
                            assertThat(event.path("formattedMessage").asText())
                                    .startsWith("started with AppConfig[");
                        });
    }

    /** Starts the terminal chat with INFO logs, ends its input, and returns its stderr lines. */
    private List<String> run(Map<String, String> extra) throws Exception {
        Map<String, String> env =
                new java.util.HashMap<>(
                        Map.of(
                                "DATABASE_URL",
                                "jdbc:sqlite:state/bot.db",
                                "DATABASE_PASSWORD",
                                PASSWORD,
                                "LOG_LEVEL",
                                "info"));
        env.putAll(extra);
        try (ConsoleProcess bot = ConsoleProcess.start(dir, env)) {
            bot.awaitLine("[1] Yes", TelegramUser.WAIT);
            assertThat(bot.endInputAndWait()).isZero();
            String stderr = bot.stderr();
            assertThat(stderr).doesNotContain(PASSWORD);
            return stderr.lines().toList();
        }
    }
}
