package ladder.labs.runtime;

/** A session could not start; the message names the component and shows the end of its log. */
public class LabStartException extends RuntimeException {

    public LabStartException(String message) {
        super(message);
    }

    public LabStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
