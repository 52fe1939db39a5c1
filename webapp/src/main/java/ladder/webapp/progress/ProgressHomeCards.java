package ladder.webapp.progress;

import java.util.ArrayList;
import java.util.List;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.account.Role;
import ladder.webapp.ui.HomeCard;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/** The home view's pointers into progress: a learner's next steps, the mentor's team dashboard. */
@Configuration
class ProgressHomeCards {

    /** Made anew for every home view (prototype), so it tells the signed-in learner's steps of now. */
    @Bean
    @Scope(BeanDefinition.SCOPE_PROTOTYPE)
    HomeCard nextStepsCard(NextSteps nextSteps, CurrentUser currentUser) {
        String text = currentUser.get().flatMap(nextSteps::of).map(steps -> {
            List<String> parts = new ArrayList<>();
            parts.add(steps.readyGoals().isEmpty() ? "No goal of yours is ready to start."
                    : "Ready to work on: " + String.join(", ", steps.readyGoals()) + ".");
            if (!steps.nextRungs().isEmpty()) {
                parts.add("Next rungs: " + String.join("; ", steps.nextRungs()) + ".");
            }
            parts.add(steps.openClaims() == 0 ? "No claim waits for review."
                    : steps.openClaims() + (steps.openClaims() == 1 ? " claim waits" : " claims wait") + " for a mentor's review.");
            return String.join(" ", parts);
        }).orElse("");
        return new HomeCard(Role.LEARNER, 5, "Your next steps", text, "labs", "Open the labs");
    }

    @Bean
    HomeCard teamDashboardCard() {
        return new HomeCard(Role.MENTOR, 19, "Team dashboard",
                "Every learner's goals, levels and labs, the review queue, and what happened lately.", "team",
                "Open the dashboard");
    }
}
