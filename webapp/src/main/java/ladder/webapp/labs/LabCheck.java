package ladder.webapp.labs;

import ladder.model.lab.CheckStatus;

/** One check's result as views and the API show it. */
public record LabCheck(String id, CheckStatus status, String description, String observed, String expected,
        String hint, long durationMs) {

    public boolean passed() {
        return status == CheckStatus.PASS;
    }
}
