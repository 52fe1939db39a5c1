package ladder.labs.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One case of a lab's {@code tests/}: another solution a learner could write, and what the checks must say of it.
 * A lab author proves the grading with them: other correct solutions must pass every check, common mistakes must
 * fail exactly the checks that name them, with the text that teaches.
 *
 * @param name        the case's folder name
 * @param directory   {@code tests/<name>/}: its files, overlaid on the base (its {@code case.yaml} is not copied)
 * @param description what the case is, for the author and the report
 * @param onSolution  true: the files overlay the reference solution (a mistake changes one file); false: the
 *                    starting files (a whole other solution)
 * @param passes      true: every check must pass
 * @param fails       for a mistake: the checks that must fail (FAIL or ERROR); every other check passes or is skipped
 * @param mayFail     for a mistake: checks whose verdict depends on the machine (e.g. a value that is out of range
 *                    only when the host is busy); they may pass or fail
 * @param says        for a mistake: text that a failing check's observed must contain, by check id
 */
public record LabTestCase(String name, Path directory, String description, boolean onSolution, boolean passes,
                          List<String> fails, List<String> mayFail, Map<String, String> says) {

    public static final String CASE_FILE = "case.yaml";

    public LabTestCase {
        fails = List.copyOf(fails);
        mayFail = List.copyOf(mayFail);
        says = Map.copyOf(says);
    }
}
