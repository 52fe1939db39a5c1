package ladder.model.ladder;

/** A topic catalog that cannot be read: the message names the source, the line and the problem. */
public class TopicCatalogException extends RuntimeException {

    private final int line;

    public TopicCatalogException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }
}
