package ladder.labs.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ladder.model.lab.CheckType;
import tools.jackson.databind.JsonNode;

/** {@code type: target-up}: a scrape job has at least one target, and every one is up. */
final class TargetUpCheck implements CheckEvaluator {

    private final CheckType.TargetUp check;

    TargetUpCheck(CheckType.TargetUp check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String expected = "every target of job `" + check.job() + "` up (at least one)";
        String base = context.session().url(check.prometheus());
        JsonNode answer;
        try {
            answer = context.getJson(base + "/api/v1/targets?state=active");
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, base), expected);
        }
        Set<String> jobs = new TreeSet<>();
        List<String> down = new ArrayList<>();
        int total = 0;
        for (JsonNode target : answer.path("data").path("activeTargets")) {
            String job = target.path("labels").path("job").asString(target.path("scrapePool").asString(""));
            jobs.add(job);
            if (!job.equals(check.job())) {
                continue;
            }
            total++;
            String health = target.path("health").asString("unknown");
            if (!health.equals("up")) {
                String error = target.path("lastError").asString("");
                down.add(target.path("scrapeUrl").asString("?") + " is " + health
                        + (error.isEmpty() ? (health.equals("unknown") ? " (not scraped yet)" : "") : " (" + error + ")"));
            }
        }
        if (total == 0) {
            return Outcome.fail("no target in job `" + check.job() + "`; jobs scraped: "
                    + (jobs.isEmpty() ? "none" : String.join(", ", jobs)), expected);
        }
        if (!down.isEmpty()) {
            return Outcome.fail(down.size() + " of " + total + " targets not up: " + String.join("; ", down), expected);
        }
        return Outcome.pass(total + " of " + total + " targets up", expected);
    }
}
