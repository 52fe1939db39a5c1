package ladder.webapp.roadmap;

import ladder.webapp.api.RefusedRequestException;
import org.springframework.http.HttpStatus;

/**
 * A stored roadmap whose DOT no longer reads (stored by an older version with looser rules, or changed
 * in the database by hand). It takes no other roadmap down: lists show it as damaged, and an editor
 * can restore its last version that reads ({@link RoadmapService#restore}). Answered with HTTP 409.
 */
public class DamagedRoadmapException extends RefusedRequestException {

    private final long roadmapId;

    DamagedRoadmapException(long roadmapId, String message) {
        super(HttpStatus.CONFLICT, message);
        this.roadmapId = roadmapId;
    }

    public long roadmapId() {
        return roadmapId;
    }

    /** Says how to restore it, too. */
    @Override
    public String error() {
        return getMessage() + "; a mentor can restore its last version that reads: POST /api/roadmaps/" + roadmapId
                + "/restore";
    }
}
