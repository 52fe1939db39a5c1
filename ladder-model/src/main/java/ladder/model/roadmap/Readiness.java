package ladder.model.roadmap;

import java.util.List;

/**
 * Whether a goal can be worked on: it is ready when every prerequisite is done, otherwise it waits
 * on the prerequisites that are not done yet.
 *
 * @param waitingOn the ids of the prerequisites not done, in the roadmap's goal order; empty when ready
 */
public record Readiness(String goalId, List<String> waitingOn) {
    public Readiness {
        waitingOn = List.copyOf(waitingOn);
    }

    public boolean isReady() {
        return waitingOn.isEmpty();
    }
}
