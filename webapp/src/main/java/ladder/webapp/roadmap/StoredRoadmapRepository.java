package ladder.webapp.roadmap;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoredRoadmapRepository extends JpaRepository<StoredRoadmap, Long> {

    List<StoredRoadmap> findAllByOrderByNameAsc();

    Optional<StoredRoadmap> findFirstByDefaultRoadmapTrue();

    boolean existsByName(String name);
}
