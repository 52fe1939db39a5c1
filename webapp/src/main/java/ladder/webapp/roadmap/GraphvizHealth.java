package ladder.webapp.roadmap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether Graphviz's {@code dot} can draw the roadmap here, in the health endpoint's readiness group. It
 * never fails readiness: without Graphviz the app still serves every roadmap, as a list of goals.
 */
@Component("graphviz")
class GraphvizHealth implements HealthIndicator {

    private final DotRunner dot;

    GraphvizHealth(DotRunner dot) {
        this.dot = dot;
    }

    @Override
    public Health health() {
        return dot.unavailableReason()
                .map(reason -> Health.up().withDetail("available", false).withDetail("reason", reason))
                .orElseGet(() -> Health.up().withDetail("available", true))
                .build();
    }
}
