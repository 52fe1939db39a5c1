package ladder.webapp.labs;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/** One press of Check in a session, with each check's result. Written once, never changed. */
@Entity
@Immutable
@Table(name = "lab_check_run")
class CheckRunRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "lab_id", nullable = false)
    private String labId;

    @Column(name = "ran_at", nullable = false)
    private Instant ranAt;

    @Column(nullable = false)
    private boolean passed;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lab_check_result", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "position")
    private List<CheckResultRow> results = new ArrayList<>();

    protected CheckRunRecord() { } // for JPA

    CheckRunRecord(String sessionId, long accountId, String labId, Instant ranAt, boolean passed, long durationMs,
            List<CheckResultRow> results) {
        this.sessionId = sessionId;
        this.accountId = accountId;
        this.labId = labId;
        this.ranAt = ranAt;
        this.passed = passed;
        this.durationMs = durationMs;
        this.results = new ArrayList<>(results);
    }

    String getSessionId() { return sessionId; }
    long getAccountId() { return accountId; }
    String getLabId() { return labId; }
    Instant getRanAt() { return ranAt; }
    boolean isPassed() { return passed; }

    LabCheckRun toRun() {
        return new LabCheckRun(sessionId, labId, ranAt, passed, durationMs,
                results.stream().map(CheckResultRow::toCheck).toList());
    }
}
