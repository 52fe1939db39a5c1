package ladder.webapp.roadmap;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface GoalRecordRepository extends JpaRepository<GoalRecord, Long> {

    List<GoalRecord> findByRoadmapId(long roadmapId);
}
