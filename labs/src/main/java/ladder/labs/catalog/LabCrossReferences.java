package ladder.labs.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import ladder.labs.catalog.LabYamlReader.Read;
import ladder.labs.catalog.LabYamlReader.ReadLab;
import ladder.model.lab.CheckSpec;
import ladder.model.lab.CheckType;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.LabDefinition;
import ladder.model.lab.LabPlaceholders;
import ladder.model.lab.NeedsCycleException;

/**
 * The second job of loading a lab: what one part of {@code lab.yaml} says about another. A sample service's
 * {@code downstream}, {@code zipkin} and {@code otlp} name components of the right kind; a check's {@code needs} and
 * {@code runs-after} name other checks, and the {@link LabDefinition} refuses a circle among them; placeholders in a
 * check name components and values captured by a check it needs; URLs stay on the lab's loopback.
 */
final class LabCrossReferences {

    private LabCrossReferences() {}

    /**
     * Checks the references of a lab as read and builds its definition; empty when the checks' references are broken
     * (the problems are recorded), since a definition cannot be built then.
     */
    static Optional<LabDefinition> resolve(ReadLab lab) {
        checkComponents(lab.components());
        Map<String, Read<CheckSpec>> checks = lab.checks();
        boolean broken = false;
        for (Read<CheckSpec> read : checks.values()) {
            broken |= checkReferences(read, read.value().needs(), "needs", checks.keySet());
            broken |= checkReferences(read, read.value().runsAfter(), "runs-after", checks.keySet());
        }
        if (broken) {
            return Optional.empty();
        }
        LabDefinition definition;
        try {
            definition = new LabDefinition(lab.id(), lab.title(), lab.summary(), lab.topics(), lab.rung(), lab.timeLimit(),
                    lab.components().values().stream().map(Read::value).toList(),
                    checks.values().stream().map(Read::value).toList());
        } catch (NeedsCycleException e) {
            Read<CheckSpec> first = checks.get(e.cycle().getFirst());
            first.fields().problem(first.path() + ".needs", e.getMessage());
            return Optional.empty();
        }
        for (Read<CheckSpec> read : checks.values()) {
            checkPlaceholders(read, definition);
        }
        return Optional.of(definition);
    }

    private static void checkComponents(Map<String, Read<ComponentSpec>> components) {
        long databases = components.values().stream().filter(read -> read.value().kind() == ComponentKind.POSTGRES).count();
        for (Read<ComponentSpec> read : components.values()) {
            if (read.value().kind() == ComponentKind.POSTGRES_EXPORTER && databases != 1) {
                read.fields().problem(read.fields().field("type"),
                        "postgres-exporter reads the lab's postgres component: the lab needs exactly one (it has " + databases + ")");
            }
        }
        for (Read<ComponentSpec> read : components.values()) {
            ComponentSpec component = read.value();
            for (String downstream : component.downstream()) {
                Read<ComponentSpec> target = components.get(downstream);
                if (target == null || target.value().kind() != ComponentKind.SAMPLE_SERVICE) {
                    read.fields().problem(read.path() + ".downstream", "'" + downstream + "' is not a sample-service component of this lab");
                } else if (downstream.equals(component.name())) {
                    read.fields().problem(read.path() + ".downstream", "'" + downstream + "' is the service itself");
                }
            }
            if (component.zipkin() != null) {
                Read<ComponentSpec> target = components.get(component.zipkin());
                if (target == null || target.value().kind() != ComponentKind.ZIPKIN) {
                    read.fields().problem(read.path() + ".zipkin", "'" + component.zipkin() + "' is not a zipkin component of this lab");
                }
            }
            if (component.otlp() != null) {
                Read<ComponentSpec> target = components.get(component.otlp());
                if (target == null || target.value().kind() != ComponentKind.OTEL_COLLECTOR) {
                    read.fields().problem(read.path() + ".otlp", "'" + component.otlp()
                            + "' is not an otel-collector component of this lab (OTLP goes to a collector)");
                }
            }
        }
    }

    /** Records each reference that names the check itself or no check; true when there was one. */
    private static boolean checkReferences(Read<CheckSpec> read, List<String> references, String field, Set<String> ids) {
        boolean broken = false;
        for (String other : references) {
            if (other.equals(read.value().id())) {
                read.fields().problem(read.path() + "." + field, "'" + other + "' is the check itself");
                broken = true;
            } else if (!ids.contains(other)) {
                read.fields().problem(read.path() + "." + field, "'" + other
                        + "' is not the id of a check in this lab (known: " + String.join(", ", ids) + ")");
                broken = true;
            }
        }
        return broken;
    }

    private static void checkPlaceholders(Read<CheckSpec> read, LabDefinition definition) {
        CheckSpec check = read.value();
        Set<String> available = new HashSet<>();
        for (String need : definition.transitiveNeeds(check.id())) {
            definition.check(need).ifPresent(spec -> available.addAll(captures(spec.type())));
        }
        List<String> componentNames = definition.components().stream().map(ComponentSpec::name).toList();
        for (Map.Entry<String, String> template : templates(check).entrySet()) {
            String field = read.path() + "." + template.getKey();
            if (template.getKey().endsWith("url") && !LoopbackUrls.isLoopback(stubRender(template.getValue()))) {
                read.fields().problem(field, "'" + template.getValue()
                        + "' must point at a component of the lab (${url:NAME}/...) or at http://127.0.0.1");
            }
            for (LabPlaceholders.Reference reference : LabPlaceholders.componentReferences(template.getValue())) {
                if (!componentNames.contains(reference.component())) {
                    read.fields().problem(field, "placeholder ${" + reference.kind()
                            + ":" + reference.component() + "} names no component of this lab (known: "
                            + String.join(", ", componentNames) + ")");
                }
            }
            for (String capture : LabPlaceholders.captureReferences(template.getValue())) {
                if (!available.contains(capture)) {
                    read.fields().problem(field, "placeholder ${" + capture
                            + "} is captured by no check this one needs (a 'trace' check captures ${traceId}, a 'file-contains'"
                            + " check its pattern's named groups)");
                }
            }
        }
    }

    /** The values a check of this type captures for the checks that need it. */
    private static Set<String> captures(CheckType type) {
        return switch (type) {
            case CheckType.TracePresent trace -> Set.of("traceId");
            case CheckType.LogQl logs -> Set.of("traceId");
            case CheckType.TempoTrace trace -> Set.of("traceId");
            case CheckType.ExemplarTrace exemplar -> Set.of("traceId");
            case CheckType.FileContains file -> {
                try {
                    yield Pattern.compile(file.pattern()).namedGroups().keySet();
                } catch (PatternSyntaxException e) {
                    yield Set.of(); // reported where the pattern is read
                }
            }
            default -> Set.of();
        };
    }

    /** The texts of a check in which placeholders are replaced, by field name. */
    private static Map<String, String> templates(CheckSpec check) {
        Map<String, String> templates = new LinkedHashMap<>();
        switch (check.type()) {
            case CheckType.HttpProbe probe -> {
                templates.put("url", probe.url());
                if (probe.body() != null) {
                    templates.put("body", probe.body());
                }
                if (probe.bodyContains() != null) {
                    templates.put("body-contains", probe.bodyContains());
                }
            }
            case CheckType.LogContains log -> templates.put("pattern", log.pattern());
            case CheckType.TraceDuration duration -> templates.put("trace-id", duration.traceId());
            case CheckType.PromQl promQl -> templates.put("query", promQl.query());
            case CheckType.PromQlMatches matches -> {
                templates.put("query", matches.query());
                templates.put("intended", matches.intended());
            }
            case CheckType.LogQl logQl -> templates.put("query", logQl.query());
            case CheckType.ExemplarTrace exemplar -> templates.put("query", exemplar.query());
            case CheckType.TempoTrace trace -> {
                if (trace.traceId() != null) {
                    templates.put("trace-id", trace.traceId());
                }
            }
            case CheckType.PostgresLoad load -> {
                if (load.grading() instanceof CheckType.PromQl promQl) {
                    templates.put("query", promQl.query());
                } else if (load.grading() instanceof CheckType.PromQlMatches matches) {
                    templates.put("query", matches.query());
                    templates.put("intended", matches.intended());
                }
            }
            default -> { }
        }
        for (int i = 0; i < check.before().size(); i++) {
            templates.put("before[" + i + "].url", check.before().get(i).url());
            if (check.before().get(i).body() != null) {
                templates.put("before[" + i + "].body", check.before().get(i).body());
            }
        }
        for (int i = 0; i < check.after().size(); i++) {
            templates.put("after[" + i + "].url", check.after().get(i).url());
            if (check.after().get(i).body() != null) {
                templates.put("after[" + i + "].body", check.after().get(i).body());
            }
        }
        return templates;
    }

    /** Renders a template with stand-in values, to judge its shape. */
    private static String stubRender(String template) {
        Map<String, Integer> ports = new HashMap<>();
        LabPlaceholders.componentReferences(template).forEach(reference -> ports.put(reference.component(), 1));
        return LabPlaceholders.renderCaptures(LabPlaceholders.renderComponents(template, ports), stubCaptures(template), v -> v);
    }

    static Map<String, String> stubCaptures(String text) {
        Map<String, String> stub = new HashMap<>();
        LabPlaceholders.captureReferences(text).forEach(name -> stub.put(name, "x"));
        return stub;
    }
}
