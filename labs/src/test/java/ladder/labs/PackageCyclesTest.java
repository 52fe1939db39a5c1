package ladder.labs;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The labs module's packages (catalog, check, runtime, sample, cli) depend on each other in one direction only: a
 * package that needs another's classes is not needed by it, so each can be read, and changed, from the bottom up.
 */
class PackageCyclesTest {

    /** The rule: the packages right under {@code root} (with their sub-packages) form no cycle. */
    static ArchRule featurePackagesFormNoCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("a cycle between packages means neither can be understood or changed without the other");
    }

    @Test
    void the_labs_packages_form_no_cycles() {
        JavaClasses labs = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ladder.labs");

        featurePackagesFormNoCycles("ladder.labs").check(labs);
    }

    @Test
    void the_rule_fails_on_a_deliberate_cycle_and_names_it() {
        JavaClasses fixture = new ClassFileImporter().importPackages("ladder.labs.cyclefixture");

        EvaluationResult result = featurePackagesFormNoCycles("ladder.labs.cyclefixture").evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertThat(report).contains("orders", "billing").doesNotContain("shipping");
    }
}
