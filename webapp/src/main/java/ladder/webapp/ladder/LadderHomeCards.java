package ladder.webapp.ladder;

import ladder.webapp.account.Role;
import ladder.webapp.ui.HomeCard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The home view's pointers into the ladder: learners to their ladder, mentors to reviews and the team. */
@Configuration
class LadderHomeCards {

    @Bean
    HomeCard myLadderCard() {
        return new HomeCard(Role.LEARNER, 10, "Your knowledge ladder",
                "Where you stand on each topic, from Symbols to Competitiveness, what your next step is, "
                        + "and every assessment so far.", "ladder", "Open my ladder");
    }

    @Bean
    HomeCard guidedAssessmentCard() {
        return new HomeCard(Role.LEARNER, 11, "Guided assessment",
                "Walk through every topic in one sitting, place yourself on the ladder with evidence, "
                        + "then ask a mentor for review.", "ladder/guided", "Start the assessment");
    }

    @Bean
    HomeCard reviewQueueCard() {
        return new HomeCard(Role.MENTOR, 20, "Review queue",
                "Claims from Ability up wait for a mentor: confirm, adjust with a comment, or decline "
                        + "with a reason.", "ladder/reviews", "Open the review queue");
    }

    @Bean
    HomeCard teamLadderCard() {
        return new HomeCard(Role.MENTOR, 21, "Team ladder",
                "Every learner and topic at a glance: confirmed rungs and pending claims.", "ladder/team",
                "Open the team view");
    }

    @Bean
    HomeCard topicsCard() {
        return new HomeCard(Role.ADMIN, 30, "Ladder topics",
                "Add, edit and retire the topics learners climb the ladder in.", "ladder/topics", "Manage topics");
    }
}
