package ladder.model.roadmap;

/**
 * DOT text refused because it is larger than the importer accepts: more than
 * {@value DotImporter#MAX_BYTES} bytes of UTF-8, {@value DotImporter#MAX_GOALS} goals or
 * {@value DotImporter#MAX_EDGES} edges. A separate type so that callers can answer
 * "too large" (HTTP 413) rather than "bad input".
 */
public final class DotTooLargeException extends DotImportException {
    public DotTooLargeException(String reason) {
        super(reason);
    }

    public DotTooLargeException(String reason, int line, int column) {
        super(reason, line, column);
    }
}
