package ladder.labs.runtime;

import java.time.Duration;

/**
 * One step of a session's life.
 *
 * @param sessionId the session
 * @param component the component concerned, or empty for the whole session
 * @param step      what happened
 * @param message   for a person
 * @param elapsed   since the session began starting
 */
public record LabProgress(String sessionId, String component, Step step, String message, Duration elapsed) {

    public enum Step { PREPARING, STARTING, READY, FAILED, APPLYING, RELOADED, STOPPING, STOPPED }
}
