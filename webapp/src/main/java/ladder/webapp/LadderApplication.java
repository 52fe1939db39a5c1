package ladder.webapp;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
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

    /**
     * Tomcat writes an answer to the socket in pieces of its per-connection write buffer (8 KiB by default): a
     * roadmap's SVG of 200 goals (190 KB) took 24 writes. 64 KiB takes 3, for 64 KiB per open connection.
     */
    @Bean
    TomcatConnectorCustomizer largeAnswers() {
        return connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(64 * 1024));
    }

    /** The clock (UTC) the features' services stamp their records with. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
