package ladder.webapp.roadmap;

import ladder.webapp.api.RefusedRequestException;
import org.springframework.http.HttpStatus;

/** Someone else changed the goal or roadmap meanwhile, or a name is taken: reload and try again (HTTP 409). */
public class RoadmapConflictException extends RefusedRequestException {

    public RoadmapConflictException(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
