package ladder.webapp.roadmap;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StoredGoalRepository extends JpaRepository<StoredGoal, Long> {

    List<StoredGoal> findByRoadmapIdOrderBySeq(long roadmapId);

    long countByRoadmapId(long roadmapId);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("delete from StoredGoal g where g.roadmapId = ?1 and g.goalId in ?2")
    void deleteGoals(long roadmapId, java.util.Collection<String> goalIds);
}
