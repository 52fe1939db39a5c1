package ladder.webapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Ladder's web app: accounts, roadmap, knowledge ladder, progress and labs in one Spring Boot app. */
@SpringBootApplication
public class LadderApplication {

    public static void main(String[] args) {
        SpringApplication.run(LadderApplication.class, args);
    }
}
