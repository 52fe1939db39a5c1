package ladder.webapp.roadmap;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RoadmapRecordRepository extends JpaRepository<RoadmapRecord, Long> {

    List<RoadmapRecord> findAllByOrderByNameAsc();

    /** A stored roadmap without its DOT: what a list needs, the model comes from the cache by id and version. */
    record Listed(long id, String name, boolean isDefault, long version) {
    }

    @Query("select new ladder.webapp.roadmap.RoadmapRecordRepository$Listed(r.id, r.name, r.defaultRoadmap, r.version) "
            + "from RoadmapRecord r order by r.name")
    List<Listed> listByName();

    @Query("select new ladder.webapp.roadmap.RoadmapRecordRepository$Listed(r.id, r.name, r.defaultRoadmap, r.version) "
            + "from RoadmapRecord r where r.id = :id")
    Optional<Listed> findListedById(long id);

    Optional<RoadmapRecord> findFirstByDefaultRoadmapTrue();

    boolean existsByName(String name);
}
