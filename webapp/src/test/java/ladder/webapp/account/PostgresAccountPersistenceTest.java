package ladder.webapp.account;

import ladder.webapp.support.TestPostgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The persistence contract on a real PostgreSQL (see {@link TestPostgres} for where it comes from). */
@SpringBootTest
@ExtendWith(TestPostgres.class)
class PostgresAccountPersistenceTest extends AccountPersistenceContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }
}
