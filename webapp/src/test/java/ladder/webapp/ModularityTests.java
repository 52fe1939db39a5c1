package ladder.webapp;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages talk only through each other's public API: Spring Modulith checks it. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LadderApplication.class);

    @Test
    void feature_packages_respect_their_boundaries() {
        MODULES.verify();
    }
}
