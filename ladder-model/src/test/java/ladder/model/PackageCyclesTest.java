package ladder.model;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The model's packages (ladder, roadmap, lab) depend on each other in one direction only. */
class PackageCyclesTest {

    /** The rule: the packages right under {@code root} (with their sub-packages) form no cycle. */
    static ArchRule featurePackagesFormNoCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("a cycle between packages means neither can be understood or changed without the other");
    }

    @Test
    void the_model_packages_form_no_cycles() {
        JavaClasses model = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ladder.model");

        featurePackagesFormNoCycles("ladder.model").check(model);
    }

    @Test
    void the_rule_fails_on_a_deliberate_cycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages("ladder.model.cyclefixture");

        assertThat(featurePackagesFormNoCycles("ladder.model.cyclefixture").evaluate(fixture).getFailureReport().getDetails())
                .singleElement().asString().contains("goals", "levels");
    }
}
