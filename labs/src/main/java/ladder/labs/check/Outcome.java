package ladder.labs.check;

import java.util.Map;
import ladder.model.lab.CheckStatus;

/**
 * The outcome of one attempt of a check.
 *
 * @param status   PASS, FAIL or ERROR
 * @param observed what the attempt saw
 * @param expected what it looked for
 * @param captured values for later checks (e.g. {@code traceId})
 */
record Outcome(CheckStatus status, String observed, String expected, Map<String, String> captured) {

    static Outcome pass(String observed, String expected) {
        return new Outcome(CheckStatus.PASS, observed, expected, Map.of());
    }

    static Outcome fail(String observed, String expected) {
        return new Outcome(CheckStatus.FAIL, observed, expected, Map.of());
    }

    static Outcome error(String observed, String expected) {
        return new Outcome(CheckStatus.ERROR, observed, expected, Map.of());
    }

    Outcome capturing(Map<String, String> values) {
        return new Outcome(status, observed, expected, values);
    }
}
