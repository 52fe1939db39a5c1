package ladder.model.lab;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One automatic check of a lab: the fields every check has, and its type-specific {@link CheckType}.
 *
 * @param id          unique in the lab; referenced by other checks' {@code needs}
 * @param description what is verified, in the learner's words
 * @param hint        shown when the check does not pass
 * @param timeout     how long the check may take, polling included
 * @param poll        retry interval until pass or time-out; null means a single attempt
 * @param needs       ids of checks that must pass first; if one does not, this one is skipped
 * @param before      HTTP actions sent before the first attempt
 * @param after       HTTP actions sent after the last attempt, whatever the result
 * @param type        what is checked
 * @param holdsFor    null, or how long the check must keep passing, attempt after attempt, to pass (e.g. an
 *                    alert that must stay quiet for 20 s): until it first passes the check waits (within its
 *                    timeout); once it passes, one failing attempt fails it
 * @param runsAfter   ids of checks that must have finished (whatever their result) before this one starts:
 *                    for checks that would disturb each other, e.g. two that inject different faults
 */
public record CheckSpec(
        String id,
        String description,
        String hint,
        Duration timeout,
        @Nullable Duration poll,
        List<String> needs,
        List<HttpAction> before,
        List<HttpAction> after,
        CheckType type,
        @Nullable Duration holdsFor,
        List<String> runsAfter) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public CheckSpec(String id, String description, String hint, Duration timeout, @Nullable Duration poll,
            List<String> needs, List<HttpAction> before, List<HttpAction> after, CheckType type) {
        this(id, description, hint, timeout, poll, needs, before, after, type, null, List.of());
    }

    public CheckSpec {
        runsAfter = List.copyOf(runsAfter);
        needs = List.copyOf(needs);
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
