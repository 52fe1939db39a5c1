package ladder.model.lab;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A lab as defined by its {@code lab.yaml}.
 *
 * @param id         folder name and stable id, e.g. {@code alerting-error-ratio}
 * @param title      one line shown in the catalog
 * @param summary    a few sentences on what the learner does
 * @param topics     topic ids it proves, e.g. {@code alerting}, {@code slo}
 * @param rung       the ladder rung it proves, normally {@code ability}
 * @param timeLimit  a session's time limit
 * @param components what the runtime starts
 * @param checks     how the learner's work is verified
 */
public record LabDefinition(
        String id,
        String title,
        String summary,
        List<String> topics,
        String rung,
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
