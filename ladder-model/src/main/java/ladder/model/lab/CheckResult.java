package ladder.model.lab;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The result of one check: what it saw against what it expected, so that a learner whose check fails
 * knows why.
 *
 * @param checkId     the check's id
 * @param type        the check's {@code type:} name
 * @param description the check's description
 * @param status      pass, fail, skipped or error
 * @param observed    what the check saw ("found 0 series"), or why it was skipped
 * @param expected    what it expected ("at least 1 series for `job:http_requests:rate5m`")
 * @param hint        the check's hint at its current tier (a caller shows it when the status is not PASS)
 * @param duration    time taken, before- and after-actions included
 * @param attempts    how many times the check was evaluated (polling)
 * @param captured    values captured for later checks, e.g. {@code traceId}
 * @param hintTier    which tier {@code hint} is, 0 being the first (see {@link CheckSpec#hint(int)})
 * @param answer      the check's full answer when the caller asked for answers and the check did not pass, else null
 */
public record CheckResult(
        String checkId,
        String type,
        String description,
        CheckStatus status,
        String observed,
        String expected,
        String hint,
        Duration duration,
        int attempts,
        Map<String, String> captured,
        int hintTier,
        @Nullable String answer) {

    public CheckResult {
        captured = Map.copyOf(captured);
    }

    /** A result at the first hint tier, without the answer. */
    public CheckResult(String checkId, String type, String description, CheckStatus status, String observed,
            String expected, String hint, Duration duration, int attempts, Map<String, String> captured) {
        this(checkId, type, description, status, observed, expected, hint, duration, attempts, captured, 0, null);
    }

    /** This result showing the hint at another tier, and the answer (or null). */
    public CheckResult withHint(int tier, String tierHint, @Nullable String shownAnswer) {
        return new CheckResult(checkId, type, description, status, observed, expected, tierHint, duration, attempts,
                captured, tier, shownAnswer);
    }

    public boolean passed() {
        return status == CheckStatus.PASS;
    }
}
