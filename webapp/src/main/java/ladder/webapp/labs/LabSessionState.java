package ladder.webapp.labs;

import java.util.Locale;

/** Where a lab session is in its life; {@link #FAILED} and {@link #STOPPED} are final. */
public enum LabSessionState {
    /** Its components are being started. */
    STARTING,
    /** Every component is ready: the learner works and checks. */
    READY,
    /** A component could not start; nothing is left running. */
    FAILED,
    /** Stopped by its learner, by a mentor, at its time limit or by a restart of Ladder. */
    STOPPED;

    public boolean active() {
        return this == STARTING || this == READY;
    }

    /** The name in the REST API: {@code starting}, {@code ready}, {@code failed}, {@code stopped}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
