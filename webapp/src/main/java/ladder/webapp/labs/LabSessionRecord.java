package ladder.webapp.labs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One stored lab session: whose (account id), which lab, when, and its state. */
@Entity
@Table(name = "lab_session")
class LabSessionRecord {

    @Id
    private String id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "lab_id", nullable = false)
    private String labId;

    @Column(nullable = false)
    private String runtime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LabSessionState state;

    @Column(nullable = false)
    private String message;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "ended_at")
    private @Nullable Instant endedAt;

    @Version
    private long version;

    protected LabSessionRecord() { } // for JPA

    LabSessionRecord(String id, long accountId, String labId, String runtime, Instant startedAt, Instant expiresAt) {
        this.id = id;
        this.accountId = accountId;
        this.labId = labId;
        this.runtime = runtime;
        this.state = LabSessionState.STARTING;
        this.message = "starting";
        this.startedAt = startedAt;
        this.expiresAt = expiresAt;
    }

    void ready(Instant expiresAt) {
        this.state = LabSessionState.READY;
        this.message = "every component is ready";
        this.expiresAt = expiresAt;
    }

    void end(LabSessionState finalState, String why, Instant at) {
        this.state = finalState;
        this.message = why.length() > 4000 ? why.substring(0, 3997) + "..." : why;
        this.endedAt = at;
    }

    String getId() { return id; }
    long getAccountId() { return accountId; }
    String getLabId() { return labId; }
    String getRuntime() { return runtime; }
    LabSessionState getState() { return state; }
    String getMessage() { return message; }
    Instant getStartedAt() { return startedAt; }
    Instant getExpiresAt() { return expiresAt; }
    @Nullable Instant getEndedAt() { return endedAt; }
}
