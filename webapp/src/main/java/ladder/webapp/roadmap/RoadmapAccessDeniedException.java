package ladder.webapp.roadmap;

/** The signed-in person may not make this change (HTTP 403), e.g. a learner editing a goal they do not take part in. */
public class RoadmapAccessDeniedException extends RuntimeException {
    public RoadmapAccessDeniedException(String message) {
        super(message);
    }
}
