package ladder.webapp.labs;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

interface LabSessionRepository extends Repository<LabSessionRecord, String> {

    LabSessionRecord saveAndFlush(LabSessionRecord record);

    Optional<LabSessionRecord> findById(String id);

    List<LabSessionRecord> findByStateIn(Collection<LabSessionState> states);

    List<LabSessionRecord> findByAccountIdAndStateIn(long accountId, Collection<LabSessionState> states);

    List<LabSessionRecord> findByAccountIdOrderByStartedAtDesc(long accountId);

    List<LabSessionRecord> findAllByOrderByStartedAtDesc();
}
