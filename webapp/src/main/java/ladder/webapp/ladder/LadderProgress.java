package ladder.webapp.ladder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.LadderState;
import ladder.model.ladder.Rung;
import ladder.model.ladder.TopicCatalog;
import ladder.model.ladder.TopicLevel;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a learner stands, for other features' rules (a roadmap goal's criteria): read by account id,
 * without the signed-in person's access check, because the rules run for everyone (in listeners, on
 * the roadmap). What a person may see is still decided by {@link LadderService}; callers show only the
 * yes/no of a criterion, never the ladder itself.
 */
@Component
@Transactional(readOnly = true)
public class LadderProgress {

    private final AssessmentRecordRepository assessments;
    private final TopicRecordRepository topics;
    private final AccountService accounts;

    LadderProgress(AssessmentRecordRepository assessments, TopicRecordRepository topics, AccountService accounts) {
        this.assessments = assessments;
        this.topics = topics;
        this.accounts = accounts;
    }

    /** The confirmed rung per active topic of the learner (topics without one are left out). */
    public Map<String, Rung> confirmedLevels(long accountId) {
        Map<String, Rung> levels = new LinkedHashMap<>();
        state(accountId).ifPresent(state -> state.topics().stream().filter(level -> !level.topic().retired()).forEach(level ->
                level.confirmedRung().ifPresent(rung -> levels.put(level.topic().id(), rung))));
        return levels;
    }

    /** Whether the learner has a confirmed rung on every active topic and no claim waiting for review. */
    public boolean everyTopicAssessed(long accountId) {
        return state(accountId).map(state -> state.openClaims().isEmpty()
                && state.topics().stream().filter(level -> !level.topic().retired())
                        .allMatch(level -> level.confirmedRung().isPresent())).orElse(false);
    }

    /** The learner's level, open claims and next step per active topic, in the catalog's order. */
    public List<TopicLevel> topicLevels(long accountId) {
        return state(accountId).map(state -> state.topics().stream().filter(level -> !level.topic().retired()).toList())
                .orElse(List.of());
    }

    /** The learner's claims waiting for a mentor's review. */
    public List<Assessment> openClaims(long accountId) {
        return state(accountId).map(LadderState::openClaims).orElse(List.of());
    }

    private Optional<LadderState> state(long accountId) {
        Optional<AccountView> account = accounts.find(accountId);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        TopicCatalog catalog = TopicCatalog.of(topics.findAllByOrderByPositionAscIdAsc().stream()
                .map(TopicRecord::toTopic).toList());
        List<Assessment> history = assessments.findByLearnerIdOrderByIdAsc(accountId).stream()
                .map(record -> record.toAssessment(account.get().handle())).toList();
        return Optional.of(LadderState.fold(account.get().handle(), catalog, history));
    }
}
