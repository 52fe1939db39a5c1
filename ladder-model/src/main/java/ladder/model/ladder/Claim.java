package ladder.model.ladder;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A claim that a learner stands on a rung of the ladder for a topic, before {@link LadderPolicy}
 * has decided on it. Claims are cumulative: a claim at a rung includes every rung below it.
 *
 * <p>Use the factories {@link #self}, {@link #mentor} and {@link #lab}; they fill {@code source},
 * {@code assessor} and {@code labMaximum} consistently.
 *
 * @param learner    the handle of the learner the claim is about, never blank
 * @param topicId    the id of the topic, a slug (see {@link Topic#isSlug})
 * @param rung       the rung claimed
 * @param source     who makes the claim
 * @param assessor   who stands behind it: the learner for {@link Source#SELF}, the mentor's handle
 *                   for {@link Source#MENTOR}, the lab's id for {@link Source#LAB}; never blank
 * @param evidence   free text describing the evidence, empty when there is none
 * @param links      links to evidence (pull requests, dashboards, lab runs); may be empty
 * @param note       a free note, empty when there is none
 * @param labMaximum for a {@link Source#LAB} claim the rung the lab's definition names, which is
 *                   the most the lab can prove; {@code null} for every other source
 */
public record Claim(
        String learner,
        String topicId,
        Rung rung,
        Source source,
        String assessor,
        String evidence,
        List<String> links,
        String note,
        @Nullable Rung labMaximum) {

    /**
     * Checks the claim's shape (the ladder's rules are {@link LadderPolicy}'s).
     *
     * @throws IllegalArgumentException when a handle is blank, the topic id is not a slug, a
     *                                  self-assessment names another assessor, or {@code labMaximum}
     *                                  does not fit the source
     */
    public Claim {
        requireNonBlank(learner, "learner");
        requireSlug(topicId);
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(source, "source");
        requireNonBlank(assessor, "assessor");
        Objects.requireNonNull(evidence, "evidence");
        links = List.copyOf(links);
        Objects.requireNonNull(note, "note");
        if (source == Source.SELF && !assessor.equals(learner)) {
            throw new IllegalArgumentException("a self-assessment is made by the learner, not by '" + assessor + "'");
        }
        if (source == Source.LAB && labMaximum == null) {
            throw new IllegalArgumentException("a lab claim needs the rung its lab's definition names");
        }
        if (source != Source.LAB && labMaximum != null) {
            throw new IllegalArgumentException("only a lab claim has a lab maximum, not a " + source + " claim");
        }
    }

    /** The learner's own claim. */
    public static Claim self(String learner, String topicId, Rung rung, String evidence, List<String> links, String note) {
        return new Claim(learner, topicId, rung, Source.SELF, learner, evidence, links, note, null);
    }

    /** A mentor's own assessment of a learner. */
    public static Claim mentor(String mentor, String learner, String topicId, Rung rung, String evidence,
                               List<String> links, String note) {
        return new Claim(learner, topicId, rung, Source.MENTOR, mentor, evidence, links, note, null);
    }

    /**
     * The claim a passed lab makes.
     *
     * @param labId      the lab's id, recorded as the assessor
     * @param labMaximum the rung the lab's definition names
     * @param rung       the rung claimed; usually {@code labMaximum}
     */
    public static Claim lab(String labId, Rung labMaximum, String learner, String topicId, Rung rung, String evidence) {
        return new Claim(learner, topicId, rung, Source.LAB, labId, evidence, List.of(), "", labMaximum);
    }

    static void requireSlug(String topicId) {
        if (!Topic.isSlug(topicId)) {
            throw new IllegalArgumentException("topic id '" + topicId + "' is not a slug");
        }
    }

    static void requireNonBlank(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
