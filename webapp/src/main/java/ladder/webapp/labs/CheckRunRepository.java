package ladder.webapp.labs;

import java.util.List;
import org.springframework.data.repository.Repository;

interface CheckRunRepository extends Repository<CheckRunRecord, Long> {

    CheckRunRecord saveAndFlush(CheckRunRecord record);

    List<CheckRunRecord> findBySessionIdOrderByIdAsc(String sessionId);

    List<CheckRunRecord> findByAccountIdOrderByIdAsc(long accountId);

    List<CheckRunRecord> findByPassedTrueOrderByIdDesc();
}
