package ladder.webapp.account;

import org.springframework.boot.test.context.SpringBootTest;

/** The persistence contract on the embedded default, H2. */
@SpringBootTest
class H2AccountPersistenceTest extends AccountPersistenceContract {
}
