package ladder.webapp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Menu;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.api.RefusedRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web app's conventions: Vaadin components stay in the {@code ui} packages; the features (and the shell)
 * depend on each other in one direction only; services take the acting user as a parameter; a feature's
 * exceptions carry their HTTP status and one handler maps them; every menu entry has a place of its own.
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

    @Test
    void services_take_the_acting_user_as_a_parameter_and_never_read_who_is_signed_in() {
        noClasses().that().areAnnotatedWith(Service.class)
                .should().dependOnClassesThat().areAssignableTo(CurrentUser.class)
                .orShould().dependOnClassesThat().areAssignableTo(SecurityContextHolder.class)
                .because("a service's caller says who acts (a view, a controller, a background run), so the "
                        + "rules do not depend on which thread runs them")
                .check(CLASSES);
    }

    @Test
    void a_features_exceptions_carry_their_http_status() {
        classes().that().resideInAPackage("ladder.webapp..").and().areAssignableTo(RuntimeException.class)
                .and().haveSimpleNameEndingWith("Exception")
                .should().beAssignableTo(RefusedRequestException.class)
                .because("ApiExceptionHandler answers every refused request from the status it carries")
                .check(CLASSES);
    }

    @Test
    void controllers_leave_mapping_exceptions_to_the_one_api_handler() {
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should().beAnnotatedWith(ExceptionHandler.class)
                .because("api.ApiExceptionHandler is the one place that turns failures into {error, line?, column?}")
                .check(CLASSES);
    }

    @Test
    void no_two_menu_entries_share_an_order() {
        Map<Double, List<String>> byOrder = CLASSES.stream()
                .filter(type -> type.isAnnotatedWith(Menu.class))
                .collect(Collectors.groupingBy(type -> type.getAnnotationOfType(Menu.class).order(),
                        Collectors.mapping(JavaClass::getSimpleName, Collectors.toList())));
        assertThat(byOrder).as("menu entries by @Menu order").isNotEmpty();
        assertThat(byOrder.values()).as("views that share a @Menu order, so their place depends on class loading")
                .allSatisfy(views -> assertThat(views).hasSize(1));
    }
}
