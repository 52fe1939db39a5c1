package ladder.webapp.ladder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.LadderExport;
import ladder.model.ladder.LadderState;
import ladder.model.ladder.NextStep;
import ladder.model.ladder.ReviewDecision;
import ladder.model.ladder.Rung;
import ladder.model.ladder.TopicLevel;
import ladder.webapp.account.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge ladder over HTTP: participants, assessments, ladders and reviews ({@link TopicApiController}
 * has the topics). Access is checked twice: roles here, and whose ladder it is in {@link LadderService}.
 */
@RestController
@RequestMapping("/api")
class LadderApiController {

    private static final String ANY_ROLE = "hasAnyRole('LEARNER','MENTOR','ADMIN')";
    private static final String REVIEWER = "hasAnyRole('MENTOR','ADMIN')";

    record ParticipantJson(String handle, String displayName) {
    }

    record AssessRequest(@Nullable String topic, @Nullable String rung, @Nullable String evidence,
            @Nullable List<String> links, @Nullable String note) {
    }

    record RecordedJson(UUID id, String topic, String rung, String state) {
        static RecordedJson of(Assessment entry) {
            return new RecordedJson(entry.id(), entry.topicId(), entry.rung().id(), stateOf(entry));
        }
    }

    record EntryJson(UUID id, String topic, String rung, String source, String state, String evidence,
            List<String> links, String note, String assessor, Instant at, @Nullable UUID reviewOf,
            @Nullable String comment) {
        static EntryJson of(Assessment entry) {
            return new EntryJson(entry.id(), entry.topicId(), entry.rung().id(), lower(entry.source().name()),
                    stateOf(entry), entry.evidence(), entry.links(), entry.note(), entry.assessor(), entry.at(),
                    entry.reviewOf(), entry.reviewComment());
        }
    }

    record PendingJson(UUID id, String rung, Instant at) {
    }

    record NextStepJson(String rung, String requirement, String text) {
        static @Nullable NextStepJson of(@Nullable NextStep step) {
            return step == null ? null
                    : new NextStepJson(step.rung().id(), lower(step.requirement().name()), step.text());
        }
    }

    record LevelJson(String topic, String name, String area, boolean retired, @Nullable String confirmed,
            @Nullable PendingJson pending, @Nullable NextStepJson nextStep) {
        static LevelJson of(TopicLevel level) {
            PendingJson pending = level.pending()
                    .map(claim -> new PendingJson(claim.id(), claim.rung().id(), claim.at())).orElse(null);
            return new LevelJson(level.topic().id(), level.topic().name(), level.topic().area(),
                    level.topic().retired(), level.confirmedRung().map(Rung::id).orElse(null), pending,
                    NextStepJson.of(level.nextStep()));
        }
    }

    record LadderJson(String learner, List<LevelJson> topics) {
    }

    record ReviewJson(UUID id, String learner, String displayName, String topic, String topicName, String rung,
            String evidence, List<String> links, String note, Instant at) {
        static ReviewJson of(PendingReview review) {
            Assessment claim = review.claim();
            return new ReviewJson(claim.id(), review.learner().handle(), review.learner().displayName(),
                    claim.topicId(), review.topic().name(), claim.rung().id(), claim.evidence(), claim.links(),
                    claim.note(), claim.at());
        }
    }

    record ReviewRequest(@Nullable String decision, @Nullable String rung, @Nullable String comment) {
    }

    record ReviewedJson(UUID id, UUID reviewOf, String topic, String rung, String state,
            @Nullable String comment) {
    }

    private final LadderService ladder;
    private final CurrentUser currentUser;

    LadderApiController(LadderService ladder, CurrentUser currentUser) {
        this.ladder = ladder;
        this.currentUser = currentUser;
    }

    @GetMapping("/participants")
    @PreAuthorize(ANY_ROLE)
    List<ParticipantJson> participants() {
        return ladder.learners(currentUser.require()).stream().map(l -> new ParticipantJson(l.handle(), l.displayName())).toList();
    }

    @PostMapping("/participants/{handle}/assessments")
    @PreAuthorize(ANY_ROLE)
    ResponseEntity<RecordedJson> assess(@PathVariable String handle, @RequestBody AssessRequest request) {
        if (request.topic() == null || request.topic().isBlank()) {
            throw new LadderException("topic is required, e.g. \"metrics\"");
        }
        if (request.rung() == null || request.rung().isBlank()) {
            throw new LadderException("rung is required, one of: symbols, data, information, knowledge, ability, "
                    + "action, competence, competitiveness");
        }
        Rung rung = parseRung(request.rung());
        Assessment entry = ladder.assess(currentUser.require(), handle, new ClaimInput(request.topic().strip(), rung,
                request.evidence() == null ? "" : request.evidence(),
                request.links() == null ? List.of() : request.links(),
                request.note() == null ? "" : request.note()));
        return ResponseEntity.created(URI.create("/api/participants/" + handle + "/assessments/" + entry.id()))
                .body(RecordedJson.of(entry));
    }

    @GetMapping("/participants/{handle}/assessments")
    @PreAuthorize(ANY_ROLE)
    List<EntryJson> history(@PathVariable String handle, @RequestParam(required = false) @Nullable String topic) {
        return ladder.history(currentUser.require(), handle, topic).stream().map(EntryJson::of).toList();
    }

    @GetMapping("/participants/{handle}/ladder")
    @PreAuthorize(ANY_ROLE)
    ResponseEntity<?> ladder(@PathVariable String handle,
            @RequestParam(defaultValue = "json") String format) {
        String wanted = format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("json", "md", "csv").contains(wanted)) {
            throw new LadderException("unknown format '" + format + "': use json, md or csv");
        }
        LadderState state = ladder.ladder(currentUser.require(), handle);
        return switch (wanted) {
            case "md" -> ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                    .body(LadderExport.markdown(state));
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .body(LadderExport.csv(state));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new LadderJson(state.learner(), state.topics().stream().map(LevelJson::of).toList()));
        };
    }

    @GetMapping("/reviews")
    @PreAuthorize(REVIEWER)
    List<ReviewJson> reviews() {
        return ladder.reviewQueue(currentUser.require()).stream().map(ReviewJson::of).toList();
    }

    @PostMapping("/reviews/{id}")
    @PreAuthorize(REVIEWER)
    ResponseEntity<ReviewedJson> review(@PathVariable String id, @RequestBody ReviewRequest request) {
        UUID assessmentId;
        try {
            assessmentId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NoSuchLadderEntryException("no assessment '" + id + "'");
        }
        String decision = request.decision() == null ? "" : request.decision().strip().toLowerCase(Locale.ROOT);
        String comment = request.comment() == null ? "" : request.comment().strip();
        ReviewDecision reviewDecision = switch (decision) {
            case "confirm" -> new ReviewDecision.Confirm(comment.isEmpty() ? null : comment);
            case "adjust" -> {
                if (request.rung() == null || request.rung().isBlank()) {
                    throw new LadderException("adjust needs the rung to place the learner on");
                }
                Rung rung = parseRung(request.rung());
                if (comment.isEmpty()) {
                    throw new LadderException("adjust needs a comment saying why");
                }
                yield new ReviewDecision.Adjust(rung, comment);
            }
            case "decline" -> {
                if (comment.isEmpty()) {
                    throw new LadderException("decline needs a comment giving the reason");
                }
                yield new ReviewDecision.Decline(comment);
            }
            default -> throw new LadderException("decision must be confirm, adjust or decline"
                    + (decision.isEmpty() ? "" : ", not '" + request.decision() + "'"));
        };
        Assessment entry = ladder.review(currentUser.require(), assessmentId, reviewDecision);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ReviewedJson(entry.id(),
                Objects.requireNonNull(entry.reviewOf()), entry.topicId(), entry.rung().id(),
                stateOf(entry), entry.reviewComment()));
    }

    private static Rung parseRung(String rung) {
        try {
            return Rung.parse(rung);
        } catch (IllegalArgumentException e) {
            throw new LadderException(e.getMessage());
        }
    }

    private static String stateOf(Assessment entry) {
        return lower(entry.state().name());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
