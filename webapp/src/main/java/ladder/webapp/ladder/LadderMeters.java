package ladder.webapp.ladder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.AssessmentState;
import ladder.model.ladder.ReviewDecision;
import ladder.model.ladder.Source;
import org.springframework.stereotype.Component;

/**
 * The ladder's meters: {@code ladder.assessments} (an entry recorded on a learner's ladder, by {@code source}
 * self|mentor|lab and {@code state} confirmed|pending_review) and {@code ladder.reviews} (a mentor's review of a
 * claim, by {@code decision} confirm|adjust|decline). Counted when the entry is written. Tags are the model's
 * enums only: never a learner, a topic or an assessment id, so the series stay few whatever the team does.
 */
@Component
class LadderMeters {

    private final MeterRegistry registry;

    LadderMeters(MeterRegistry registry) {
        this.registry = registry;
        // every series at zero from the start, so that the first entry is an increase for Prometheus
        for (Source source : Source.values()) {
            assessments(source, AssessmentState.CONFIRMED);
            assessments(source, AssessmentState.PENDING_REVIEW);
        }
        List.of("confirm", "adjust", "decline").forEach(this::reviews);
    }

    void recorded(Assessment entry) {
        assessments(entry.source(), entry.state()).increment();
    }

    void reviewed(ReviewDecision decision) {
        reviews(switch (decision) {
            case ReviewDecision.Confirm confirm -> "confirm";
            case ReviewDecision.Adjust adjust -> "adjust";
            case ReviewDecision.Decline decline -> "decline";
        }).increment();
    }

    private Counter assessments(Source source, AssessmentState state) {
        return Counter.builder("ladder.assessments").description("Assessments recorded on learners' ladders")
                .tag("source", lower(source.name())).tag("state", lower(state.name())).register(registry);
    }

    private Counter reviews(String decision) {
        return Counter.builder("ladder.reviews").description("Mentors' reviews of claims, by decision")
                .tag("decision", decision).register(registry);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
