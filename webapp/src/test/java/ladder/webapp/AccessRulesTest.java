package ladder.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every view and every endpoint carries an explicit access rule: a new one without a rule fails
 * here before it can ship open (or shut) by accident.
 */
@SpringBootTest
class AccessRulesTest {

    static final List<Class<? extends Annotation>> VIEW_RULES =
            List.of(PermitAll.class, RolesAllowed.class, AnonymousAllowed.class, DenyAll.class);
    static final List<Class<? extends Annotation>> ENDPOINT_RULES =
            List.of(PreAuthorize.class, Secured.class); // what method security enforces

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_view_has_an_access_annotation() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<Class<?>> views = scanner.findCandidateComponents("ladder.webapp").stream()
                .<Class<?>>map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), null))
                .toList();

        assertThat(views).as("views found").hasSizeGreaterThanOrEqualTo(4);
        assertThat(views).allSatisfy(view ->
                assertThat(hasAny(view, VIEW_RULES)).as(view.getName() + " has an access annotation").isTrue());
    }

    @Test
    void every_endpoint_of_ladder_has_an_access_rule_on_its_method_or_class() {
        Map<RequestMappingInfo, HandlerMethod> handlers = mappings.getHandlerMethods();
        List<HandlerMethod> ours = handlers.values().stream()
                .filter(handler -> handler.getBeanType().getPackageName().startsWith("ladder.")).toList();

        assertThat(ours).as("endpoints found").isNotEmpty();
        assertThat(ours).allSatisfy(handler -> assertThat(
                hasAny(handler.getMethod(), ENDPOINT_RULES) || hasAny(handler.getBeanType(), ENDPOINT_RULES))
                .as(handler.toString() + " has an access rule").isTrue());
    }

    private static boolean hasAny(AnnotatedElement element, List<Class<? extends Annotation>> annotations) {
        return Stream.of(element.getAnnotations()).anyMatch(a -> annotations.contains(a.annotationType()));
    }
}
