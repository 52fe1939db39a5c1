package ladder.webapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Vaadin components stay in the {@code ui} packages; services and entities know nothing of the UI. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ladder.webapp");

    @Test
    void vaadin_components_are_used_only_in_ui_packages() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin.flow.component..", "com.vaadin.flow.router..")
                .because("views live in each feature's ui package; services must not depend on them")
                .check(CLASSES);
    }
}
