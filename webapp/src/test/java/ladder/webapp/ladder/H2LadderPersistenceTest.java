package ladder.webapp.ladder;

import org.springframework.boot.test.context.SpringBootTest;

/** The ladder's persistence contract on the embedded default, H2. */
@SpringBootTest
class H2LadderPersistenceTest extends LadderPersistenceContract {
}
