package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import ladder.model.ladder.Rung;
import org.junit.jupiter.api.Test;

class GoalCriteriaTest {

    static Goal goal(String attributes) {
        try {
            return DotImporter.parse("digraph { g [" + attributes + "] }").goal("g").orElseThrow();
        } catch (DotImportException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void every_kind_of_criterion_reads_from_the_goals_attributes() {
        GoalCriteria criteria = GoalCriteria.of(goal(
                "labs_passed=\"metrics alerting\", levels_reached=\"metrics:knowledge logs:ability\","
                        + " topics_assessed=all, approval=\"@igarridot\""));

        assertThat(criteria.labs()).containsExactly("metrics", "alerting");
        assertThat(criteria.levels()).containsExactly(Map.entry("metrics", Rung.KNOWLEDGE), Map.entry("logs", Rung.ABILITY));
        assertThat(criteria.topicsAssessed()).isTrue();
        assertThat(criteria.approver()).isEqualTo("@igarridot");
        assertThat(criteria.isEmpty()).isFalse();
    }

    @Test
    void a_goal_without_criteria_has_none() {
        assertThat(GoalCriteria.of(goal("label=\"Learn\"")).isEmpty()).isTrue();
        assertThat(GoalCriteria.of(goal("approval=mentor")).approver()).isEqualTo(GoalCriteria.ANY_MENTOR);
    }

    @Test
    void criteria_survive_export_and_import_unchanged() throws DotImportException {
        Roadmap roadmap = DotImporter.parse("digraph { g [labs_passed=\"metrics tracing\", approval=\"@ivan\"] }");
        Roadmap again = DotImporter.parse(DotExporter.export(roadmap));

        assertThat(GoalCriteria.of(again.goal("g").orElseThrow()))
                .isEqualTo(GoalCriteria.of(roadmap.goal("g").orElseThrow()));
    }

    @Test
    void a_bad_criterion_is_refused_naming_goal_attribute_and_problem() {
        assertThatThrownBy(() -> GoalCriteria.of(goal("levels_reached=\"metrics:mastery\"")))
                .hasMessageStartingWith("goal 'g': levels_reached: unknown rung 'mastery'");
        assertThatThrownBy(() -> GoalCriteria.of(goal("levels_reached=\"metrics\"")))
                .hasMessageContaining("is not topic:rung");
        assertThatThrownBy(() -> GoalCriteria.of(goal("labs_passed=\"Metrics!\"")))
                .hasMessageContaining("labs_passed: 'Metrics!' is not a lab id");
        assertThatThrownBy(() -> GoalCriteria.of(goal("topics_assessed=some")))
                .hasMessageContaining("write topics_assessed=\"all\"");
        assertThatThrownBy(() -> GoalCriteria.of(goal("approval=\"ivan\"")))
                .hasMessageContaining("approval: 'ivan' is neither a handle");
    }
}
