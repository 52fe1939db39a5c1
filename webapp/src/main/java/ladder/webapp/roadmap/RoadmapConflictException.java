package ladder.webapp.roadmap;

import ladder.webapp.api.RefusedRequest;
import org.springframework.http.HttpStatus;

/** Someone else changed the goal or roadmap meanwhile, or a name is taken: reload and try again (HTTP 409). */
public class RoadmapConflictException extends RuntimeException implements RefusedRequest {

    public RoadmapConflictException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
