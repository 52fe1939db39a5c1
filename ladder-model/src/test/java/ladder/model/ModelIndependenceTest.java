package ladder.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** {@code ladder-model} is plain Java: no Spring, no Vaadin, no persistence framework may creep in. */
class ModelIndependenceTest {

    static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ladder.model");

    @Test
    void the_model_depends_on_neither_spring_nor_vaadin_nor_jakarta() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "jakarta..", "javax.persistence..", "org.hibernate..")
                .because("the rules live in plain Java so they are testable in milliseconds")
                .check(MODEL);
    }
}
