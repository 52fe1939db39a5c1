package ladder.labs.check;

import java.util.Comparator;
import java.util.List;
import ladder.model.lab.CheckType;
import ladder.model.lab.PromQlCondition;

/**
 * {@code type: promql-matches}: the learner's series (usually a recorded rule) give what the intended expression
 * gives, evaluated at the same instant: as many series, and the values, sorted, each within the tolerance.
 * Labels are not compared, so {@code by (instance)} and {@code without (cpu, mode)} are both right when they give
 * the same numbers. The intended expression is never shown; its values are.
 */
final class PromQlMatchesCheck implements CheckEvaluator {

    private final CheckType.PromQlMatches check;

    PromQlMatchesCheck(CheckType.PromQlMatches check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String query = context.render(check.query());
        String intendedQuery = context.render(check.intended());
        String expected = "`" + query + "` gives the intended result: as many series, each value within "
                + check.tolerance().describe();
        // one instant for both, a second back so the last rule evaluation is in
        double time = System.currentTimeMillis() / 1000.0 - 1;
        PromQlCheck.Query learner = PromQlCheck.query(context, check.prometheus(), query, time);
        if (learner.problem() != null) {
            return Outcome.error(learner.problem(), expected);
        }
        PromQlCheck.Query intended = PromQlCheck.query(context, check.prometheus(), intendedQuery, time);
        if (intended.problem() != null) {
            return Outcome.error("the intended expression could not be evaluated: " + intended.problem(), expected);
        }
        List<PromQlCheck.Series> mine = sorted(learner.series());
        List<PromQlCheck.Series> wanted = sorted(intended.series());
        String found = PromQlCheck.describe(mine);
        if (wanted.isEmpty()) {
            return Outcome.fail(found + "; the intended result has no series yet (no data to compare with: is there "
                    + "traffic, is the target scraped?)", expected);
        }
        if (mine.size() != wanted.size()) {
            return Outcome.fail(found + "; the intended result has " + wanted.size() + " series"
                    + (mine.size() > wanted.size() ? " (which labels should the aggregation keep?)" : ""), expected);
        }
        for (int i = 0; i < mine.size(); i++) {
            if (!check.tolerance().accepts(mine.get(i).value(), wanted.get(i).value())) {
                return Outcome.fail(found + "; the intended " + (wanted.size() == 1 ? "value is " : "values are ")
                        + values(wanted) + " (" + check.tolerance().describe() + ")", expected);
            }
        }
        return Outcome.pass(found + "; the intended " + (wanted.size() == 1 ? "value is " : "values are ")
                + values(wanted), expected);
    }

    private static List<PromQlCheck.Series> sorted(List<PromQlCheck.Series> series) {
        return series.stream().sorted(Comparator.comparingDouble(PromQlCheck.Series::value)).toList();
    }

    private static String values(List<PromQlCheck.Series> series) {
        return String.join(", ", series.stream().limit(5).map(one -> PromQlCondition.formatNumber(one.value())).toList())
                + (series.size() > 5 ? ", …" : "");
    }
}
