package ladder.webapp;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Ladder's web app: the features account, roadmap, ladder, progress, labs and operations, the REST API's
 * shared error answers ({@code api}) and the UI shell ({@code ui}) in one Spring Boot app.
 */
@SpringBootApplication
public class LadderApplication {

    public static void main(String[] args) {
        SpringApplication.run(LadderApplication.class, args);
    }

    /** The clock (UTC) the features' services stamp their records with. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
