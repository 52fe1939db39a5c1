package ladder.webapp.ladder;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TopicRecordRepository extends JpaRepository<TopicRecord, Long> {

    List<TopicRecord> findAllByOrderByPositionAscIdAsc();

    Optional<TopicRecord> findBySlug(String slug);

    boolean existsBySlug(String slug);

    @Query("select coalesce(max(t.position), 0) from TopicRecord t")
    int maxPosition();
}
