package ladder.webapp.ladder;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.AssessmentState;
import ladder.model.ladder.Claim;
import ladder.model.ladder.LadderPolicy;
import ladder.model.ladder.Source;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.Role;
import ladder.webapp.labs.LabPassed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A passed lab is evidence: on {@link LabPassed} the learner gets a {@code lab} assessment at the lab's
 * rung on each of the lab's active topics, decided by {@link LadderPolicy} (confirmed, capped at
 * {@link LadderPolicy#LAB_LIMIT}), with the check results as its evidence. Passing the same lab again
 * adds a check run in the labs feature, not a second claim here. Accounts without the learner role
 * (a mentor trying a lab) have no ladder and get no entry.
 */
@Component
class LabEvidenceRecorder {

    private static final Logger log = LoggerFactory.getLogger(LabEvidenceRecorder.class);

    private final LadderMeters meters;
    private final AssessmentRecordRepository assessments;
    private final TopicRecordRepository topics;
    private final AccountService accounts;
    private final Clock clock;
    private final LadderPolicy policy = new LadderPolicy();

    LabEvidenceRecorder(AssessmentRecordRepository assessments, TopicRecordRepository topics, AccountService accounts,
            LadderMeters meters, Clock clock) {
        this.meters = meters;
        this.assessments = assessments;
        this.topics = topics;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    @Order(0) // before the roadmap's goal criteria, which may ask for the level this records
    void on(LabPassed passed) {
        Optional<AccountView> learner = accounts.find(passed.accountId());
        if (learner.isEmpty() || !learner.get().hasRole(Role.LEARNER)) {
            return;
        }
        List<AssessmentRecord> history = assessments.findByLearnerIdOrderByIdAsc(passed.accountId());
        for (String topic : passed.topics()) {
            boolean active = topics.findBySlug(topic).map(record -> !record.toTopic().retired()).orElse(false);
            if (!active) {
                log.info("lab {} proves topic '{}', which is not an active topic: no assessment", passed.labId(), topic);
                continue;
            }
            boolean claimed = history.stream()
                    .map(record -> record.toAssessment(learner.get().handle()))
                    .anyMatch(entry -> entry.source() == Source.LAB && entry.assessor().equals(passed.labId())
                            && entry.topicId().equals(topic) && entry.state() == AssessmentState.CONFIRMED);
            if (claimed) {
                continue;
            }
            Claim claim = Claim.lab(passed.labId(), passed.rung(), learner.get().handle(), topic, passed.rung(),
                    passed.evidence());
            Assessment entry = policy.assess(claim, UUID.randomUUID(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            assessments.saveAndFlush(new AssessmentRecord(entry, passed.accountId(), null, false));
            meters.recorded(entry);
        }
    }
}
