package ladder.model.roadmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The importer must never read a file, open a connection or start a process while reading hostile
 * DOT: no class of the package may even refer to the APIs that could.
 */
class RoadmapPackageTest {
    private static final JavaClasses ROADMAP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("ladder.model.roadmap");

    @Test
    void the_roadmap_package_does_no_file_network_or_process_io() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..", "java.net..")
                .orShould().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Runtime.class, ClassLoader.class)
                .because("DOT import and export work only on the strings given")
                .check(ROADMAP);
    }

    @Test
    void the_roadmap_package_uses_no_framework() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta..")
                .check(ROADMAP);
    }
}
