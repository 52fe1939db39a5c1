package ladder.model.lab;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One automatic check of a lab: the fields every check has, and its type-specific {@link CheckType}.
 *
 * @param id          unique in the lab; referenced by other checks' {@code needs}
 * @param description what is verified, in the learner's words
 * @param hint        the first tier of the hint, shown at the check's first failure: the concept and where to look
 *                    (which Prometheus page, which query to try), not the solution
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
 * @param moreHints   further tiers, each saying more than the one before; a learner gets the next one when the
 *                    check fails again after they edited the workspace (see {@link #hint(int)})
 * @param answer      null, or the full answer (the solution's lines), shown only when the learner asks for it
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
        List<String> runsAfter,
        List<String> moreHints,
        @Nullable String answer) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public CheckSpec(String id, String description, String hint, Duration timeout, @Nullable Duration poll,
            List<String> needs, List<HttpAction> before, List<HttpAction> after, CheckType type) {
        this(id, description, hint, timeout, poll, needs, before, after, type, null, List.of());
    }

    public CheckSpec(String id, String description, String hint, Duration timeout, @Nullable Duration poll,
            List<String> needs, List<HttpAction> before, List<HttpAction> after, CheckType type,
            @Nullable Duration holdsFor, List<String> runsAfter) {
        this(id, description, hint, timeout, poll, needs, before, after, type, holdsFor, runsAfter, List.of(), null);
    }

    public CheckSpec {
        runsAfter = List.copyOf(runsAfter);
        needs = List.copyOf(needs);
        before = List.copyOf(before);
        after = List.copyOf(after);
        moreHints = List.copyOf(moreHints);
    }

    /** This check, waiting for other checks to finish first. */
    public CheckSpec withRunsAfter(List<String> otherChecks) {
        return new CheckSpec(id, description, hint, timeout, poll, needs, before, after, type, holdsFor, otherChecks,
                moreHints, answer);
    }

    /** How many tiers the hint has: the first one and {@link #moreHints()}. */
    public int hintTiers() {
        return 1 + moreHints.size();
    }

    /**
     * The hint at a tier, 0 being the first; a tier past the last gives the last one (the answer is never a tier).
     *
     * @throws IllegalArgumentException for a negative tier
     */
    public String hint(int tier) {
        if (tier < 0) {
            throw new IllegalArgumentException("a hint tier is 0 or more, not " + tier);
        }
        return tier == 0 || moreHints.isEmpty() ? hint : moreHints.get(Math.min(tier, moreHints.size()) - 1);
    }
}
