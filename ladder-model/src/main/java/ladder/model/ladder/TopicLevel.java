package ladder.model.ladder;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where a learner stands on one topic, folded from their history.
 *
 * @param topic     the topic; a retired stand-in when the history names a topic the catalog lacks
 * @param confirmed the confirmed rung, {@code null} when nothing is confirmed yet
 * @param openClaims the claims waiting for a mentor's review, oldest first: pending entries no
 *                  later entry reviewed, above the confirmed rung (a claim at or below it is settled)
 * @param nextStep  the lowest missing rung and what it takes; {@code null} at the top rung and on
 *                  retired topics, which take no new claims
 * @param history   this topic's entries, in the order appended
 */
public record TopicLevel(
        Topic topic,
        @Nullable Rung confirmed,
        List<Assessment> openClaims,
        @Nullable NextStep nextStep,
        List<Assessment> history) {

    public TopicLevel {
        Objects.requireNonNull(topic, "topic");
        openClaims = List.copyOf(openClaims);
        history = List.copyOf(history);
    }

    /** The confirmed rung, if any. */
    public Optional<Rung> confirmedRung() {
        return Optional.ofNullable(confirmed);
    }

    /** The latest open claim, if any: the one to show as "pending". */
    public Optional<Assessment> pending() {
        return openClaims.isEmpty() ? Optional.empty() : Optional.of(openClaims.getLast());
    }

    /** The next step, if there is one. */
    public Optional<NextStep> next() {
        return Optional.ofNullable(nextStep);
    }
}
