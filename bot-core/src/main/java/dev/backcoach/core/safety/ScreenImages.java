package dev.backcoach.core.safety;

import dev.backcoach.core.content.CatalogLoader;
import dev.backcoach.core.content.Languages;
import dev.backcoach.core.content.RedFlagRules;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build right after compiling (bot-core's pom): works out the warning-sign rules of each
 * catalog on the classpath and saves them beside it as {@code content/<language>.screen} (see
 * {@link ScreenImage}). A rule that cannot be read fails the build here, listing every problem.
 */
public final class ScreenImages {
    private ScreenImages() {}

    /**
     * @param args the classes folder to write into
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ScreenImages <classes folder>");
        }
        for (String language : Languages.KNOWN) {
            if (!CatalogLoader.exists(language)) {
                continue;
            }
            RedFlagRules content = CatalogLoader.readRedFlags(language);
            ScreenRules rules = ScreenRules.compile(content, language);
            Path file = Path.of(args[0], ScreenImage.resource(language).substring(1));
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                ScreenImage.write(rules, content, language, out);
            }
        }
    }
}
