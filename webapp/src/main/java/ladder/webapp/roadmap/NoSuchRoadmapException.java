package ladder.webapp.roadmap;

import ladder.webapp.api.RefusedRequestException;
import org.springframework.http.HttpStatus;

/** No roadmap or goal of that id (HTTP 404). */
public class NoSuchRoadmapException extends RefusedRequestException {

    public NoSuchRoadmapException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }
}
