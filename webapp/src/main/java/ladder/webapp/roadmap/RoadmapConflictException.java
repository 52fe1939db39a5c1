package ladder.webapp.roadmap;

/** Someone else changed the goal or roadmap meanwhile, or a name is taken: reload and try again (HTTP 409). */
public class RoadmapConflictException extends RuntimeException {
    public RoadmapConflictException(String message) {
        super(message);
    }
}
