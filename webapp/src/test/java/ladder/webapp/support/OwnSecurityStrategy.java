package ladder.webapp.support;

import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Every Spring context with Vaadin installs its own {@link SecurityContextHolderStrategy} (with its own
 * thread-local) as the JVM-wide one. A test that reuses a cached context created before another one
 * would then get its {@code @WithMockUser} in the newer context's strategy, where its own views never
 * look, and land on the login view. This listener puts the test's own context's strategy back before
 * Spring Security's test listener sets the user; register it with
 * {@code @TestExecutionListeners(listeners = OwnSecurityStrategy.class, mergeMode = MERGE_WITH_DEFAULTS)}
 * (listeners are no part of the context cache key, so the cached context is still shared).
 */
public final class OwnSecurityStrategy implements TestExecutionListener, Ordered {

    @Override
    public int getOrder() {
        return 9_999; // just before WithSecurityContextTestExecutionListener (10,000)
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        SecurityContextHolder.setContextHolderStrategy(
                testContext.getApplicationContext().getBean(SecurityContextHolderStrategy.class));
    }
}
