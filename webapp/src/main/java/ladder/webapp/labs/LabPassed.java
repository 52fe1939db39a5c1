package ladder.webapp.labs;

import java.time.Instant;
import java.util.List;
import ladder.model.ladder.Rung;

/**
 * Every check of a lab session passed. The ladder records it as a {@code lab} assessment; the
 * roadmap re-evaluates the goals whose criteria name the lab.
 *
 * @param sessionId the session
 * @param accountId the learner's account id
 * @param labId     the lab
 * @param title     the lab's title
 * @param rung      the rung the lab proves
 * @param topics    the topics it proves the rung on
 * @param evidence  the check results in words, for the assessment's evidence
 * @param at        when the checks passed
 */
public record LabPassed(String sessionId, long accountId, String labId, String title, Rung rung,
        List<String> topics, String evidence, Instant at) {

    public LabPassed {
        topics = List.copyOf(topics);
    }
}
