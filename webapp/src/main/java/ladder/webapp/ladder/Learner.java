package ladder.webapp.ladder;

/** An account with a ladder (role learner), as the ladder shows it. */
public record Learner(long accountId, String handle, String displayName) {
}
