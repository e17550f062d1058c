package dev.backcoach.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core knows no platform SDK and no database: adapters and storage depend on it, never the
 * reverse.
 */
@AnalyzeClasses(
        packages = "dev.backcoach.core",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPlatformSdkOrJdbc =
            noClasses()
                    .that()
                    .resideInAPackage("dev.backcoach.core..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.telegram..", "net.dv8tion..", "java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule engineDoesNoIo =
            noClasses()
                    .that()
                    .resideInAPackage("dev.backcoach.core.engine..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "java.io..",
                            "java.nio..",
                            "java.net..",
                            "dev.backcoach.core.service..");
}
