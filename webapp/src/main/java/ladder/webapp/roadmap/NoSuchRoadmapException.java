package ladder.webapp.roadmap;

import ladder.webapp.api.RefusedRequest;
import org.springframework.http.HttpStatus;

/** No roadmap or goal of that id (HTTP 404). */
public class NoSuchRoadmapException extends RuntimeException implements RefusedRequest {

    public NoSuchRoadmapException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
