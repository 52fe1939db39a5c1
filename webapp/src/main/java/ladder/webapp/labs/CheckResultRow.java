package ladder.webapp.labs;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import ladder.model.lab.CheckResult;
import ladder.model.lab.CheckStatus;

/** One check's stored result inside a {@link CheckRunRecord}. */
@Embeddable
class CheckResultRow {

    @Column(name = "check_id", nullable = false)
    private String checkId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CheckStatus status;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String observed;

    @Column(nullable = false)
    private String expected;

    @Column(nullable = false)
    private String hint;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    protected CheckResultRow() { } // for JPA

    CheckResultRow(CheckResult result) {
        this.checkId = result.checkId();
        this.status = result.status();
        this.description = bounded(result.description(), 1000);
        this.observed = bounded(result.observed(), 4000);
        this.expected = bounded(result.expected(), 4000);
        this.hint = bounded(result.hint(), 4000);
        this.durationMs = result.duration().toMillis();
    }

    private static String bounded(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    LabCheck toCheck() {
        return new LabCheck(checkId, status, description, observed, expected, hint, durationMs);
    }
}
