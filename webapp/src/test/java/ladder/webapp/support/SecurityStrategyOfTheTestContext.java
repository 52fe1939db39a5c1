package ladder.webapp.support;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before each test, points Spring Security's global {@link SecurityContextHolder} at the strategy bean
 * of the test's own Spring context. Vaadin installs a new strategy (with its own thread local) each time
 * a context starts; without this, a browserless test reusing a cached context after another context
 * started would sign in with {@code @WithMockUser} on one strategy while Vaadin reads the other, and be
 * sent to the login view. Registered in {@code META-INF/spring.factories}.
 */
public final class SecurityStrategyOfTheTestContext implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return 9_000; // before WithSecurityContextTestExecutionListener (10_000) signs the test user in
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(SecurityContextHolderStrategy.class).ifUnique(strategy -> {
            if (SecurityContextHolder.getContextHolderStrategy() != strategy) {
                SecurityContextHolder.setContextHolderStrategy(strategy);
            }
        });
    }
}
