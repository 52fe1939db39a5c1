package ladder.model.ladder;

/** The state an {@link Assessment} was appended with; an assessment never changes state later. */
public enum AssessmentState {
    /** Counts on the ladder: raises the confirmed rung to this rung if it is higher. */
    CONFIRMED,
    /** A claim waiting for a mentor's review; does not count until a review confirms or adjusts it. */
    PENDING_REVIEW,
    /** A mentor's review declining the claim it refers to; the confirmed rung does not change. */
    DECLINED,
    /** A mentor's review setting the confirmed rung to this rung, which may be lower than before. */
    ADJUSTED
}
