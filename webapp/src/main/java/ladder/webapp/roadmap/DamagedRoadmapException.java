package ladder.webapp.roadmap;

import ladder.webapp.api.RefusedRequest;
import org.springframework.http.HttpStatus;

/**
 * A stored roadmap whose DOT no longer reads (stored by an older version with looser rules, or changed
 * in the database by hand). It takes no other roadmap down: lists show it as damaged, and an editor
 * can restore its last version that reads ({@link RoadmapService#restore}). Answered with HTTP 409.
 */
public class DamagedRoadmapException extends RuntimeException implements RefusedRequest {

    private final long roadmapId;

    DamagedRoadmapException(long roadmapId, String message) {
        super(message);
        this.roadmapId = roadmapId;
    }

    public long roadmapId() {
        return roadmapId;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    /** Says how to restore it, too. */
    @Override
    public String error() {
        return getMessage() + "; a mentor can restore its last version that reads: POST /api/roadmaps/" + roadmapId
                + "/restore";
    }
}
