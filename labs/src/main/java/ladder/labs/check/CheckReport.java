package ladder.labs.check;

import java.time.Duration;
import java.util.List;
import ladder.model.lab.CheckResult;

/**
 * The results of all checks of one run, in the order of the lab's checks.
 *
 * @param results one per check
 * @param total   wall time of the whole run
 */
public record CheckReport(List<CheckResult> results, Duration total) {

    public CheckReport {
        results = List.copyOf(results);
    }

    public boolean allPassed() {
        return results.stream().allMatch(CheckResult::passed);
    }
}
