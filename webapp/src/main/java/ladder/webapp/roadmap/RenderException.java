package ladder.webapp.roadmap;

/** Rendering a roadmap to SVG failed: {@code dot} is missing, failed, was too slow, or wrote script. */
public class RenderException extends RuntimeException {
    public RenderException(String message) {
        super(message);
    }
}
