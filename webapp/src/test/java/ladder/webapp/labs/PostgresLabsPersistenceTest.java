package ladder.webapp.labs;

import ladder.webapp.support.TestPostgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The labs' persistence contract on a real PostgreSQL (see {@link TestPostgres}). */
@SpringBootTest
@ExtendWith(TestPostgres.class)
class PostgresLabsPersistenceTest extends LabsPersistenceContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }
}
