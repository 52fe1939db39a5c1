package ladder.webapp.ladder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.AssessmentState;
import ladder.model.ladder.Rung;
import ladder.model.ladder.Source;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One stored entry of a learner's assessment history. Immutable: Hibernate never updates it, and its
 * repository offers no delete, so the history is append-only by construction.
 */
@Entity
@Immutable
@Table(name = "ladder_assessment")
class AssessmentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id; // also the order appended

    @Column(name = "public_id", nullable = false, unique = true)
    private UUID publicId;

    @Column(name = "learner_id", nullable = false)
    private long learnerId;

    @Column(name = "learner_handle", nullable = false)
    private String learnerHandle;

    @Column(nullable = false)
    private String topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Rung rung;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssessmentState state;

    @Column(nullable = false)
    private String evidence;

    @Column(nullable = false)
    private String links; // one per line; links never contain whitespace

    @Column(nullable = false)
    private String note;

    @Column(nullable = false)
    private String assessor;

    @Column(name = "assessor_id")
    private @Nullable Long assessorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "review_of")
    private @Nullable UUID reviewOf;

    @Column(name = "review_of_pending")
    private @Nullable UUID reviewOfPending;

    @Column(name = "review_comment")
    private @Nullable String reviewComment;

    protected AssessmentRecord() { } // for JPA

    /**
     * @param learnerId       the learner's account id
     * @param assessorId      the assessing account's id, null for a lab
     * @param reviewedPending whether {@code entry} reviews a pending claim (enforced once-only by the database)
     */
    AssessmentRecord(Assessment entry, long learnerId, @Nullable Long assessorId, boolean reviewedPending) {
        this.publicId = entry.id();
        this.learnerId = learnerId;
        this.learnerHandle = entry.learner();
        this.topic = entry.topicId();
        this.rung = entry.rung();
        this.source = entry.source();
        this.state = entry.state();
        this.evidence = entry.evidence();
        this.links = String.join("\n", entry.links());
        this.note = entry.note();
        this.assessor = entry.assessor();
        this.assessorId = assessorId;
        this.createdAt = entry.at();
        this.reviewOf = entry.reviewOf();
        this.reviewOfPending = reviewedPending ? entry.reviewOf() : null;
        this.reviewComment = entry.reviewComment();
    }

    long getLearnerId() { return learnerId; }
    UUID getPublicId() { return publicId; }

    /** The model's entry, naming the learner by their current handle (handles can change, ids do not). */
    Assessment toAssessment(String learnerHandleNow) {
        List<String> linkList = links.isEmpty() ? List.of() : Arrays.asList(links.split("\n"));
        return new Assessment(publicId, learnerHandleNow, topic, rung, source, state, evidence, linkList, note,
                assessor, createdAt, reviewOf, reviewComment);
    }
}
