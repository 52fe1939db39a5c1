package ladder.webapp.roadmap;

/** No roadmap or goal of that id (HTTP 404). */
public class NoSuchRoadmapException extends RuntimeException {
    public NoSuchRoadmapException(String message) {
        super(message);
    }
}
