package ladder.webapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Vaadin components stay in the {@code ui} packages; services and entities know nothing of the UI; the features
 * (and the shell) depend on each other in one direction only.
 */
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

    @Test
    void feature_packages_form_no_cycles() {
        // the same rule as the model's and the labs' PackageCyclesTest, which show it failing on a deliberate cycle
        slices().matching("ladder.webapp.(*)..").should().beFreeOfCycles()
                .because("features talk through services and events one way; a cycle means neither can change alone")
                .check(CLASSES);
    }
}
