package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the deployment files are read as data and held against the
 * configuration record: every variable in .env.example, compose and the README table is one the bot
 * reads, and every one it reads is there; the ports and health checks agree with each other.
 */
class DeploymentFilesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern INTERPOLATION =
            Pattern.compile("(?<!\\$)\\$\\{([A-Z0-9_]+)[^}]*}"); // $${X} is the container's own

    @Test
    void envExampleListsEveryVariableWithSecretsLeftEmpty() throws IOException {
        Map<String, String> example = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            assertThat(line).as("a NAME=value line").matches("[A-Z0-9_]+=.*");
            example.put(
                    line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        assertThat(example.keySet()).containsExactlyElementsOf(AppConfig.VARIABLES);
        AppConfig.SECRETS.forEach(secret -> assertThat(example.get(secret)).as(secret).isEmpty());
    }

    @Test
    void composePassesEveryVariableToTheBotAndWiresPortsAndHealthChecks() throws IOException {
        JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
        JsonNode services = compose.path("services");
        assertThat(fieldNames(services)).containsExactlyInAnyOrder("bot", "postgres", "prometheus");

        JsonNode bot = services.path("bot");
        assertThat(fieldNames(bot.path("environment")))
                .containsExactlyInAnyOrderElementsOf(AppConfig.VARIABLES);
        assertThat(bot.path("environment").path("HTTP_PORT").asText()).isEqualTo("8080");
        assertThat(texts(bot.path("ports")))
                .containsExactly(
                        "127.0.0.1:8080:8080",
                        "127.0.0.1:${TELEGRAM_WEBHOOK_PORT:-8443}:${TELEGRAM_WEBHOOK_PORT:-8443}");
        assertThat(texts(bot.path("volumes"))).anyMatch(v -> v.endsWith(":/data"));
        assertThat(texts(bot.path("healthcheck").path("test")))
                .containsExactly("CMD", "/app/healthcheck.sh", "/healthz");
        assertThat(bot.path("depends_on").path("postgres").path("condition").asText())
                .isEqualTo("service_healthy");
        assertThat(bot.path("stop_grace_period").asText()).isEqualTo("40s");

        // The bot's URL names the compose PostgreSQL, which creates that database for that user.
        JsonNode postgres = services.path("postgres");
        assertThat(postgres.path("image").asText()).matches("postgres:1[67].*");
        assertThat(bot.path("environment").path("DATABASE_URL").asText())
                .contains(
                        "jdbc:postgresql://postgres:5432/"
                                + postgres.path("environment").path("POSTGRES_DB").asText());
        assertThat(String.join(" ", texts(postgres.path("healthcheck").path("test"))))
                .contains("pg_isready");
        assertThat(texts(postgres.path("volumes")))
                .anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));

        JsonNode prometheus = services.path("prometheus");
        assertThat(texts(prometheus.path("profiles"))).containsExactly("metrics");
        assertThat(texts(prometheus.path("volumes")))
                .contains("./deploy/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        JsonNode scrape =
                YAML.readTree(ROOT.resolve("deploy/prometheus.yml").toFile())
                        .path("scrape_configs")
                        .get(0);
        assertThat(scrape.path("metrics_path").asText()).isEqualTo("/metrics");
        assertThat(texts(scrape.path("static_configs").get(0).path("targets")))
                .containsExactly("bot:8080");

        Set<String> interpolated = new TreeSet<>();
        Matcher m = INTERPOLATION.matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        while (m.find()) {
            interpolated.add(m.group(1));
        }
        assertThat(AppConfig.VARIABLES)
                .as("compose reads only the bot's variables from .env")
                .containsAll(interpolated);
    }

    @Test
    void dockerfileBuildsInTwoStagesAndRunsAsAnUnprivilegedUser() throws IOException {
        List<String> instructions = instructions(ROOT.resolve("Dockerfile"));
        List<String> from = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
        assertThat(from).hasSize(2);
        assertThat(from.get(0)).matches("FROM eclipse-temurin:17-jdk-(noble|jammy) AS build");
        assertThat(from.get(1)).matches("FROM eclipse-temurin:17-jre-(noble|jammy)");
        assertThat(instructions).anyMatch(i -> i.startsWith("RUN ") && i.contains("./mvnw"));
        assertThat(instructions)
                .contains(
                        "USER backcoach:backcoach",
                        "VOLUME /data",
                        "EXPOSE 8080",
                        "COPY --chmod=0755 deploy/healthcheck.sh /app/healthcheck.sh");
        assertThat(instructions)
                .anyMatch(
                        i ->
                                i.startsWith("HEALTHCHECK ")
                                        && i.endsWith(
                                                "CMD [\"/app/healthcheck.sh\", \"/healthz\"]"));
        String env =
                instructions.stream().filter(i -> i.startsWith("ENV ")).findFirst().orElseThrow();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String pair : env.substring(4).trim().split("\\s+")) {
            defaults.put(
                    pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        assertThat(AppConfig.VARIABLES).containsAll(defaults.keySet());
        assertThat(defaults)
                .containsEntry("DATABASE_URL", "jdbc:sqlite:/data/backcoach.db")
                .containsEntry("HTTP_PORT", "8080");
        assertThat(AppConfig.fromEnvironment(defaults).effectiveHttpPort()).hasValue(8080);
    }

    @Test
    void theImageBuildsEveryModuleAndCanDrawCharts() throws IOException {
        List<String> instructions = instructions(ROOT.resolve("Dockerfile"));
        Matcher module =
                Pattern.compile("<module>([^<]+)</module>")
                        .matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            String name = module.group(1);
            assertThat(instructions)
                    .as("the build stage copies module " + name)
                    .anyMatch(
                            i ->
                                    i.equals("COPY " + name + "/ " + name + "/")
                                            || i.equals("COPY " + name + "/pom.xml " + name + "/"));
        }
        // AWT's font code needs libfreetype even with the font shipped in the jar.
        assertThat(instructions)
                .anyMatch(
                        i ->
                                i.startsWith("RUN apt-get update")
                                        && i.contains("libfreetype6")
                                        && i.contains("fontconfig"));
        // The image starts through the launcher, which runs the JVM headless.
        assertThat(instructions).contains("ENTRYPOINT [\"/app/backcoach\"]");
        assertThat(Files.readString(ROOT.resolve("bin/backcoach")))
                .contains("-Djava.awt.headless=true");
    }

    @Test
    void theReadmeConfigurationTableIsTheConfigurationRecord() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("\n## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        List<String> names = new ArrayList<>();
        for (String line : section.lines().toList()) {
            if (line.startsWith("| `")) {
                Matcher name =
                        Pattern.compile("`([A-Z0-9_]+)`")
                                .matcher(line.substring(0, line.indexOf('|', 1)));
                while (name.find()) {
                    names.add(name.group(1));
                }
            }
        }
        assertThat(names).containsExactlyElementsOf(AppConfig.VARIABLES);
    }

    /** Instructions with line continuations joined and comments dropped. */
    static List<String> instructions(Path dockerfile) throws IOException {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            result.add(current.toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return result;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
