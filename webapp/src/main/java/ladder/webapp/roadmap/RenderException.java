package ladder.webapp.roadmap;

import ladder.webapp.api.RefusedRequestException;
import org.springframework.http.HttpStatus;

/**
 * Rendering a roadmap to SVG failed. {@link #unavailable()} tells a server-side condition that may pass
 * ({@code dot} missing, too slow: HTTP 503) from a roadmap Graphviz cannot draw or whose SVG Ladder
 * refuses to serve (HTTP 422). The message is for users: it never carries Graphviz's internals.
 */
public class RenderException extends RefusedRequestException {

    private final boolean unavailable;

    private RenderException(String message, boolean unavailable) {
        super(unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNPROCESSABLE_CONTENT, message);
        this.unavailable = unavailable;
    }

    static RenderException unavailable(String message) {
        return new RenderException(message, true);
    }

    static RenderException failed(String message) {
        return new RenderException(message, false);
    }

    /** True when rendering cannot happen on this server now, false when this roadmap cannot be drawn. */
    public boolean unavailable() {
        return unavailable;
    }

}
