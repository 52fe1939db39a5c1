package ladder.webapp.roadmap;

import io.micrometer.observation.ObservationRegistry;
import ladder.webapp.account.Role;
import ladder.webapp.ui.HomeCard;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * The roadmap feature's beans: the {@code dot} runner and the home view's cards. Caching is on for the
 * roadmap's two caches ({@link RoadmapStore#CACHE}, {@link RoadmapRenderer#CACHE}; Caffeine, sized in
 * {@code application.properties}).
 */
@Configuration
@EnableCaching
@EnableConfigurationProperties(RoadmapProperties.class)
class RoadmapConfiguration {

    @Bean
    DotRunner dotRunner(RoadmapProperties properties, ObservationRegistry observations) {
        return new DotRunner(properties.dotCommandOrDefault(), properties.dotTimeoutOrDefault(), observations);
    }

    @Bean
    HomeCard roadmapCard() {
        return new HomeCard(null, 10, "Team roadmap",
                "The team's learning goals as a graph: what is done, what is ready to start and who works on what.",
                "roadmap", "Open the roadmap");
    }

    @Bean
    HomeCard goalsCard() {
        return new HomeCard(null, 11, "Goals",
                "Every goal of the roadmap in a list you can filter by status, participant and readiness.",
                "roadmap/goals", "List the goals");
    }

    @Bean
    HomeCard importCard() {
        return new HomeCard(Role.MENTOR, 12, "Import a roadmap",
                "Upload or paste Graphviz DOT, see what would change, then replace the roadmap or add a new one.",
                "roadmap", "Open the roadmap");
    }
}
