package ladder.model.ladder;

/** Who makes a claim about a learner's rung on a topic. */
public enum Source {
    /** The learner, assessing themselves. */
    SELF,
    /** A mentor: their own assessment of a learner, or their review of a learner's claim. */
    MENTOR,
    /** A passed lab, which can prove at most the rung its definition names. */
    LAB
}
