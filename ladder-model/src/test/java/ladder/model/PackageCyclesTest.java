package ladder.model;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The model's packages (ladder, roadmap, lab) depend on each other in one direction only; the labs module's
 * {@code PackageCyclesTest} shows the same rule failing on a deliberate cycle.
 */
class PackageCyclesTest {

    @Test
    void the_model_packages_form_no_cycles() {
        slices().matching("ladder.model.(*)..").should().beFreeOfCycles()
                .because("a cycle between packages means neither can be understood or changed without the other")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("ladder.model"));
    }
}
