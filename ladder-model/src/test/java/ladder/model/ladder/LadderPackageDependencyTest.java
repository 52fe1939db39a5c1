package ladder.model.ladder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The ladder's rules stay plain Java, so the web app and the labs can both use them. */
@AnalyzeClasses(packages = "ladder.model.ladder", importOptions = ImportOption.DoNotIncludeTests.class)
class LadderPackageDependencyTest {

    @ArchTest
    static final ArchRule the_ladder_depends_only_on_the_jdk_and_jspecify = classes()
            .that().resideInAPackage("ladder.model.ladder..")
            // "ladder.model" itself holds only the text writers every export shares (JsonStrings, MarkdownText)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..", "ladder.model",
                    "ladder.model.ladder..");
}
