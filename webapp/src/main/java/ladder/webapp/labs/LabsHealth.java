package ladder.webapp.labs;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The labs in the health endpoint's readiness group: which runtime, what it can start here, how many labs run
 * here and the sessions running. It never fails readiness: without a lab runtime the app still serves the
 * roadmap and the ladder, and the catalog says why a lab does not run.
 */
@Component("labs")
class LabsHealth implements HealthIndicator {

    private final LabService labs;

    LabsHealth(LabService labs) {
        this.labs = labs;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetails(labs.readiness()).build();
        } catch (RuntimeException e) { // a catalog that cannot be read is the catalog's problem, shown in Labs
            return Health.up().withDetail("problem", String.valueOf(e.getMessage())).build();
        }
    }
}
