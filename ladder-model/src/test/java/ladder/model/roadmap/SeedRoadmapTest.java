package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed roadmap (copied to test resources from {@code ../shared/seed-roadmap}) and the project's
 * top-level {@code roadmap.gv}, which is the seed plus participants and explicit statuses.
 */
class SeedRoadmapTest {
    /** The repository's {@code roadmap.gv}, seen from the module (Maven) or from the repository root (some IDEs). */
    static final Path TOP_LEVEL_ROADMAP = Files.exists(Path.of("..", "roadmap.gv")) ? Path.of("..", "roadmap.gv") : Path.of("roadmap.gv");

    static final List<String> SEED_GOALS = List.of(
            "valentin_is_better_at_infra", "observability_solution_ready", "ivan_approved", "production_deploy",
            "min_working_solution", "research_done", "basic_concepts_learned", "scope_defined",
            "current_level_assessed");

    static Roadmap seed() throws DotImportException {
        return DotImporter.parse(Resources.text("/seed/roadmap.gv"));
    }

    static Roadmap topLevel() throws IOException, DotImportException {
        return DotImporter.parse(Files.readString(TOP_LEVEL_ROADMAP, StandardCharsets.UTF_8));
    }

    @Test
    void the_seed_is_read_unchanged_with_nine_pending_goals_and_nine_dependencies() throws Exception {
        Roadmap seed = seed();

        assertThat(seed.goals()).extracting(Goal::id).containsExactlyElementsOf(SEED_GOALS);
        assertThat(seed.goals()).allSatisfy(goal -> {
            assertThat(goal.status()).isEqualTo(GoalStatus.PENDING);
            assertThat(goal.title()).isEqualTo(goal.id());
            assertThat(goal.participants()).isEmpty();
            assertThat(goal.attributes().isEmpty()).isTrue();
        });
        assertThat(seed.dependencies()).hasSize(9);
        assertThat(seed.graphAttributes().asMap()).containsExactly(java.util.Map.entry("rankdir", "TB"));
        assertThat(seed.name()).isEmpty();
    }

    @Test
    void the_seed_tooltips_are_the_descriptions() throws Exception {
        Goal research = seed().goal("research_done").orElseThrow();

        assertThat(research.description()).isEqualTo("Research on the state of the art in observability is complete.");
    }

    @Test
    void the_seed_edges_run_from_prerequisite_to_dependent() throws Exception {
        Roadmap seed = seed();

        assertThat(seed.prerequisites("research_done")).containsExactly("scope_defined", "basic_concepts_learned");
        assertThat(seed.dependents("current_level_assessed")).containsExactly("basic_concepts_learned", "scope_defined");
        assertThat(seed.readiness("current_level_assessed").isReady()).isTrue();
        assertThat(seed.readiness("observability_solution_ready").waitingOn())
                .containsExactly("ivan_approved", "production_deploy");
        assertThat(seed.topologicalOrder()).extracting(Goal::id).first().isEqualTo("ivan_approved");
        assertThat(seed.topologicalOrder()).extracting(Goal::id).last().isEqualTo("valentin_is_better_at_infra");
    }

    @Test
    void the_top_level_roadmap_is_the_seed_with_participants_and_explicit_statuses() throws Exception {
        Roadmap seed = seed();
        Roadmap topLevel = topLevel();
        String text = Files.readString(TOP_LEVEL_ROADMAP, StandardCharsets.UTF_8);

        RoadmapDiff diff = RoadmapDiff.between(seed, topLevel);
        assertThat(diff.goalsAdded()).isEmpty();
        assertThat(diff.goalsRemoved()).isEmpty();
        assertThat(diff.dependenciesAdded()).isEmpty();
        assertThat(diff.dependenciesRemoved()).isEmpty();
        assertThat(diff.graphChanged()).isFalse();
        // participants on every goal; goal criteria (GoalCriteria's attributes) on four of them
        java.util.Set<String> withCriteria = java.util.Set.of("current_level_assessed", "basic_concepts_learned",
                "min_working_solution", "ivan_approved");
        assertThat(diff.goalsChanged()).hasSize(9).allSatisfy(change -> {
            if (withCriteria.contains(change.id())) {
                assertThat(change.fields()).containsExactly(RoadmapDiff.Field.PARTICIPANTS, RoadmapDiff.Field.ATTRIBUTES);
                assertThat(change.after().attributes().list()).extracting(Attribute::name).singleElement()
                        .isIn(GoalCriteria.LABS_PASSED, GoalCriteria.LEVELS_REACHED, GoalCriteria.TOPICS_ASSESSED,
                                GoalCriteria.APPROVAL);
                assertThat(GoalCriteria.of(change.after()).isEmpty()).isFalse();
            } else {
                assertThat(change.fields()).containsExactly(RoadmapDiff.Field.PARTICIPANTS);
            }
        });
        assertThat(text.lines().filter(line -> line.contains("[status=pending, participants=\"@"))).hasSize(9);
        assertThat(topLevel.goal("scope_defined").orElseThrow().participants())
                .containsExactly("@valentyinboyanov", "@igarridot");
    }

    @Test
    void the_top_level_roadmap_as_a_markdown_table_is_the_seed_table_byte_for_byte() throws Exception {
        String expected = Resources.text("/seed/seed-table.md");

        String table = MarkdownTableExporter.export(topLevel());

        assertThat(table.lines()).containsExactlyElementsOf(expected.lines().toList());
        assertThat(table).isEqualTo(expected);
    }

    @Test
    void the_top_level_roadmap_survives_export_and_import_unchanged() throws Exception {
        Roadmap topLevel = topLevel();

        String exported = DotExporter.export(topLevel);

        assertThat(DotImporter.parse(exported)).isEqualTo(topLevel);
        assertThat(RoadmapDiff.between(topLevel, DotImporter.parse(exported)).isEmpty()).isTrue();
    }

    @Test
    void the_seed_exports_with_explicit_status_and_keeps_its_tooltips() throws Exception {
        String exported = DotExporter.export(seed());

        assertThat(exported).startsWith("digraph {\n  rankdir=TB;\n\n");
        assertThat(exported).contains("  ivan_approved [status=pending, participants=\"\", tooltip=\"@igarridot has reviewed and confirmed"
                + " that the solution is suitable for the purpose of this learning exercise.\"];\n");
        assertThat(exported).contains("  current_level_assessed -> scope_defined;\n");
        assertThat(exported).doesNotContain("fillcolor");
    }
}
