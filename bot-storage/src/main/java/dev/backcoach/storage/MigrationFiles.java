package dev.backcoach.storage;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.jspecify.annotations.Nullable;

/**
 * This jar's migrations for Flyway, from the list in {@link SchemaCheck#MIGRATIONS} instead of a
 * scan: Flyway otherwise walks every entry of the jar (and looks for Java migrations) on each start
 * that migrates, a tenth of the time it takes to make a new database. A test keeps the list equal
 * to the folders.
 */
final class MigrationFiles implements ResourceProvider {
    private final String folder;

    MigrationFiles(Dialect dialect) {
        this.folder = SchemaCheck.folder(dialect);
    }

    @Override
    public @Nullable LoadableResource getResource(String name) {
        return SchemaCheck.MIGRATIONS.contains(name) ? new File(folder, name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found =
                SchemaCheck.MIGRATIONS.stream()
                        .filter(name -> name.startsWith(prefix))
                        .filter(name -> Arrays.stream(suffixes).anyMatch(name::endsWith))
                        .<LoadableResource>map(name -> new File(folder, name))
                        .toList();
        return found;
    }

    /** One migration on the classpath. */
    private static final class File extends LoadableResource {
        private final String folder;
        private final String name;

        File(String folder, String name) {
            this.folder = folder;
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in =
                    MigrationFiles.class.getClassLoader().getResourceAsStream(getAbsolutePath());
            if (in == null) {
                throw new IllegalStateException(
                        "migration not on the classpath: " + getAbsolutePath());
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return folder + "/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
