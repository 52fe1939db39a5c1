package ladder.model.lab;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import ladder.model.ladder.Rung;

/**
 * A lab as defined by its {@code lab.yaml}.
 *
 * @param id         folder name and stable id, e.g. {@code alerting-error-ratio}
 * @param title      one line shown in the catalog
 * @param summary    a few sentences on what the learner does
 * @param topics     topic ids it proves, e.g. {@code alerting}, {@code slo}
 * @param rung       the rung of North's ladder it proves, normally {@link Rung#ABILITY}; the ladder
 *                   records a passed lab at most at {@code ability} (see {@code LadderPolicy})
 * @param timeLimit  a session's time limit
 * @param components what the runtime starts
 * @param checks     how the learner's work is verified
 */
public record LabDefinition(
        String id,
        String title,
        String summary,
        List<String> topics,
        Rung rung,
        Duration timeLimit,
        List<ComponentSpec> components,
        List<CheckSpec> checks) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(60);

    public LabDefinition {
        topics = List.copyOf(topics);
        components = List.copyOf(components);
        checks = List.copyOf(checks);
    }

    public Optional<ComponentSpec> component(String name) {
        return components.stream().filter(component -> component.name().equals(name)).findFirst();
    }

    public Optional<CheckSpec> check(String checkId) {
        return checks.stream().filter(check -> check.id().equals(checkId)).findFirst();
    }
}
