package dev.backcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is a front door a newcomer reads in one sitting, and every link in it and in docs/
 * leads somewhere: a moved section or a renamed file breaks the build, not the reader's trust.
 */
class DocsTest {
    static final Path ROOT = DeploymentFilesTest.ROOT;
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    @Test
    void theReadmeStaysAFrontDoor() throws IOException {
        assertThat(Files.size(ROOT.resolve("README.md")))
                .as("README.md in bytes")
                .isLessThanOrEqualTo(12 * 1024);
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme)
                .contains(
                        "./mvnw -B verify",
                        "## Configuration",
                        "## Running it as a service",
                        "## What is stored");
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher link = LINK.matcher(Files.readString(doc));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    continue;
                }
                String[] fileAndAnchor = target.split("#", 2);
                Path file =
                        fileAndAnchor[0].isEmpty()
                                ? doc
                                : doc.getParent().resolve(fileAndAnchor[0]).normalize();
                if (!Files.exists(file)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such file)");
                } else if (fileAndAnchor.length == 2 && !anchors(file).contains(fileAndAnchor[1])) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void docsNameNoPathsOfTheMachineTheyWereWrittenOn() throws IOException {
        for (Path doc : documents()) {
            assertThat(Files.readString(doc))
                    .as(doc.toString())
                    .doesNotContain("/work/", "/home/", "../shared");
        }
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs =
                new ArrayList<>(
                        List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** GitHub's anchors: headings lower-cased, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(Path file) throws IOException {
        List<String> anchors = new ArrayList<>();
        Matcher heading = HEADING.matcher(Files.readString(file));
        while (heading.find()) {
            anchors.add(
                    heading.group(1)
                            .strip()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replaceAll("[^\\p{L}\\p{N} _-]", "")
                            .replace(' ', '-'));
        }
        return anchors;
    }
}
