package ladder.webapp.roadmap;

import ladder.webapp.api.RefusedRequestException;
import org.springframework.http.HttpStatus;

/** The signed-in person may not make this change (HTTP 403), e.g. a learner editing a goal they do not take part in. */
public class RoadmapAccessDeniedException extends RefusedRequestException {

    public RoadmapAccessDeniedException(String message) {
        super(HttpStatus.FORBIDDEN, message);
    }
}
