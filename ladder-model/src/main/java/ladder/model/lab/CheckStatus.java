package ladder.model.lab;

/** The outcome of one check. */
public enum CheckStatus {
    /** The learner's work does what the check expects. */
    PASS,
    /** The check saw something other than what it expected, until its time-out. */
    FAIL,
    /** Not run because a check it needs did not pass. */
    SKIPPED,
    /** The check could not be evaluated (a component down, a before-action refused, a bad query). */
    ERROR
}
