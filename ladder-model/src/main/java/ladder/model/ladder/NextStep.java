package ladder.model.ladder;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The lowest missing rung above a learner's confirmed rung on a topic, and what it takes to climb it.
 *
 * @param rung             the rung to climb to
 * @param requirement      what climbing it needs under {@link LadderPolicy}
 * @param text             one sentence for the learner, naming the topic
 * @param rungDescription  what the rung means for this topic, when the catalog says; otherwise {@code null}
 */
public record NextStep(Rung rung, Requirement requirement, String text, @Nullable String rungDescription) {

    /** What a rung needs to be confirmed. */
    public enum Requirement {
        /** Up to {@link Rung#KNOWLEDGE}: the learner's own assessment is enough. */
        SELF_ASSESSMENT,
        /** {@link Rung#ABILITY}: a passed lab, or evidence a mentor confirms. */
        LAB_OR_MENTOR_EVIDENCE,
        /** {@link Rung#ACTION} and above: a mentor's confirmation. */
        MENTOR_CONFIRMATION
    }

    public NextStep {
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(requirement, "requirement");
        Claim.requireNonBlank(text, "text");
    }

    /** The next step towards {@code rung} on {@code topic}. */
    public static NextStep towards(Rung rung, Topic topic) {
        Requirement requirement = requirementOf(rung);
        String text = switch (requirement) {
            case SELF_ASSESSMENT -> "Self-assess " + topic.name() + " at " + rung.displayName()
                    + " (up to " + LadderPolicy.SELF_ASSESSMENT_LIMIT.displayName() + " your own assessment is enough).";
            case LAB_OR_MENTOR_EVIDENCE -> "Pass a lab on " + topic.name() + " or show evidence to a mentor.";
            case MENTOR_CONFIRMATION -> "Get a mentor's confirmation of " + rung.displayName() + " on "
                    + topic.name() + " (" + rung.adds() + ").";
        };
        return new NextStep(rung, requirement, text, topic.describe(rung).orElse(null));
    }

    /** What confirming {@code rung} needs. */
    public static Requirement requirementOf(Rung rung) {
        if (LadderPolicy.SELF_ASSESSMENT_LIMIT.isAtLeast(rung)) {
            return Requirement.SELF_ASSESSMENT;
        }
        return LadderPolicy.LAB_LIMIT.isAtLeast(rung)
                ? Requirement.LAB_OR_MENTOR_EVIDENCE
                : Requirement.MENTOR_CONFIRMATION;
    }
}
