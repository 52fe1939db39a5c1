package ladder.webapp.labs;

import ladder.webapp.ui.HomeCard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The home view's pointer to the labs. */
@Configuration
class LabsHomeCards {

    @Bean
    HomeCard labsCard() {
        return new HomeCard(null, 15, "Labs",
                "Hands-on labs start a real Prometheus, Alertmanager or Zipkin for you, check your configuration "
                        + "and record a pass on your ladder.", "labs", "Open the labs");
    }
}
