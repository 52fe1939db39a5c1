package ladder.webapp.labs;

import org.springframework.boot.test.context.SpringBootTest;

/** The labs' persistence contract on the embedded default, H2. */
@SpringBootTest
class H2LabsPersistenceTest extends LabsPersistenceContract {
}
