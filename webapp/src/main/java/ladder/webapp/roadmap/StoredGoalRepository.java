package ladder.webapp.roadmap;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredGoalRepository extends JpaRepository<StoredGoal, Long> {

    List<StoredGoal> findByRoadmapId(long roadmapId);
}
