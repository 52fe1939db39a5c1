package ladder.labs.check;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ladder.model.lab.CheckType;
import tools.jackson.databind.JsonNode;

/**
 * {@code type: alert-rule}: Prometheus has loaded an alerting rule of this name, with a {@code for:} duration in
 * range and these labels, as its {@code /api/v1/rules} reports them: {@code for: 5s}, {@code for: "5s"} and
 * {@code for: 5000ms} are the same rule, and another rule's {@code for:} does not count.
 */
final class AlertRuleCheck implements CheckEvaluator {

    private final CheckType.AlertRule check;

    AlertRuleCheck(CheckType.AlertRule check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String expected = expected();
        String base = context.session().url(check.prometheus());
        JsonNode answer;
        try {
            answer = context.getJson(base + "/api/v1/rules?type=alert");
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, base), expected);
        }
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode group : answer.path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("name").asString("");
                names.add(name);
                if (!name.equals(check.alert())) {
                    continue;
                }
                String problem = problem(rule);
                if (problem == null) {
                    return Outcome.pass(describe(rule, group), expected);
                }
                problems.add(describe(rule, group) + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            return Outcome.fail(String.join("; ", problems), expected);
        }
        return Outcome.fail("Prometheus has no alerting rule named " + check.alert() + " loaded; "
                + (names.isEmpty() ? "it has no alerting rules at all (is the rule file listed under rule_files, and applied?)"
                : "its alerting rules: " + String.join(", ", names)), expected);
    }

    private String expected() {
        StringBuilder text = new StringBuilder("Prometheus has loaded the alerting rule " + check.alert());
        if (check.forAtLeast() != null && check.forAtMost() != null) {
            text.append(" with a `for:` between ").append(seconds(check.forAtLeast())).append(" and ").append(seconds(check.forAtMost()));
        } else if (check.forAtLeast() != null) {
            text.append(" with a `for:` of at least ").append(seconds(check.forAtLeast()));
        } else if (check.forAtMost() != null) {
            text.append(" with a `for:` of at most ").append(seconds(check.forAtMost()));
        }
        if (!check.labels().isEmpty()) {
            text.append(" and the labels ").append(new TreeMap<>(check.labels()));
        }
        return text.toString();
    }

    private @org.jspecify.annotations.Nullable String problem(JsonNode rule) {
        Duration waits = Duration.ofMillis(Math.round(rule.path("duration").asDouble(0) * 1000));
        List<String> problems = new ArrayList<>();
        if (check.forAtLeast() != null && waits.compareTo(check.forAtLeast()) < 0) {
            problems.add(waits.isZero()
                    ? "it fires at the first evaluation that matches: nothing makes it wait (see `for:` in the alerting rules documentation)"
                    : "it waits " + seconds(waits) + ", less than " + seconds(check.forAtLeast()));
        }
        if (check.forAtMost() != null && waits.compareTo(check.forAtMost()) > 0) {
            problems.add("it waits " + seconds(waits) + " before firing, longer than " + seconds(check.forAtMost()));
        }
        Map<String, String> labels = labels(rule);
        check.labels().forEach((key, value) -> {
            if (!labels.containsKey(key)) {
                problems.add("it has no label `" + key + "`");
            } else if (!labels.get(key).equals(value)) {
                problems.add("its label `" + key + "` is \"" + labels.get(key) + "\", which is not the value the task names");
            }
        });
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private static Map<String, String> labels(JsonNode rule) {
        Map<String, String> labels = new TreeMap<>();
        rule.path("labels").properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asString("")));
        return labels;
    }

    private static String describe(JsonNode rule, JsonNode group) {
        Duration waits = Duration.ofMillis(Math.round(rule.path("duration").asDouble(0) * 1000));
        String health = rule.path("health").asString("unknown");
        String error = rule.path("lastError").asString("");
        return rule.path("name").asString("") + " in group " + group.path("name").asString("?") + " (for " + seconds(waits)
                + ", labels " + labels(rule) + ", health " + health + (error.isEmpty() ? "" : ": " + error) + ")";
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
