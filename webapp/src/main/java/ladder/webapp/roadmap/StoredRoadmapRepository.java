package ladder.webapp.roadmap;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StoredRoadmapRepository extends JpaRepository<StoredRoadmap, Long> {

    List<StoredRoadmap> findAllByOrderByNameAsc();

    /** A stored roadmap without its DOT: what a list needs, the model comes from the cache by id and version. */
    record Listed(long id, String name, boolean isDefault, long version) {
    }

    @Query("select new ladder.webapp.roadmap.StoredRoadmapRepository$Listed(r.id, r.name, r.defaultRoadmap, r.version) "
            + "from StoredRoadmap r order by r.name")
    List<Listed> listByName();

    @Query("select new ladder.webapp.roadmap.StoredRoadmapRepository$Listed(r.id, r.name, r.defaultRoadmap, r.version) "
            + "from StoredRoadmap r where r.id = :id")
    Optional<Listed> findListedById(long id);

    Optional<StoredRoadmap> findFirstByDefaultRoadmapTrue();

    boolean existsByName(String name);
}
