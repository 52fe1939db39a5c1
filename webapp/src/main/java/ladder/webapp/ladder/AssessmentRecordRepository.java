package ladder.webapp.ladder;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import ladder.model.ladder.AssessmentState;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Append and read only: there is deliberately no update and no delete. */
interface AssessmentRecordRepository extends Repository<AssessmentRecord, Long> {

    AssessmentRecord saveAndFlush(AssessmentRecord record);

    /** A learner's history in the order appended. */
    List<AssessmentRecord> findByLearnerIdOrderByIdAsc(long learnerId);

    Optional<AssessmentRecord> findByPublicId(UUID publicId);

    /** Learners with a pending claim that no later entry reviewed. */
    @Query("select distinct a.learnerId from AssessmentRecord a where a.state = :state and not exists "
            + "(select 1 from AssessmentRecord r where r.reviewOf = a.publicId)")
    List<Long> learnersWithUnreviewed(AssessmentState state);

    long count();
}
