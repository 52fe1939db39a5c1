package ladder.webapp.roadmap;

import org.springframework.boot.test.context.SpringBootTest;

/** The roadmap persistence contract on the embedded default, H2. */
@SpringBootTest
class H2RoadmapPersistenceTest extends RoadmapPersistenceContract {
}
