package ladder.labs.runtime;

/** Receives a session's progress while it starts, applies changes and stops. */
@FunctionalInterface
public interface LabProgressListener {

    LabProgressListener NONE = progress -> { };

    void onProgress(LabProgress progress);
}
