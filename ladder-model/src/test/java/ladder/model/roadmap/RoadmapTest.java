package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RoadmapTest {

    /** a -> b -> d, a -> c -> d, e alone. */
    private static Roadmap diamond() {
        return Roadmap.builder()
                .goal(Goal.of("a").withStatus(GoalStatus.DONE))
                .goal(Goal.of("b").withStatus(GoalStatus.DONE))
                .goal(Goal.of("c").withStatus(GoalStatus.IN_PROGRESS))
                .goal(Goal.of("d"))
                .goal(Goal.of("e"))
                .dependency("a", "b").dependency("a", "c").dependency("b", "d").dependency("c", "d")
                .build();
    }

    @Test
    void a_goal_is_ready_when_every_prerequisite_is_done() {
        Roadmap r = diamond();

        assertThat(r.readiness("a").isReady()).isTrue();
        assertThat(r.readiness("b").isReady()).isTrue();
        assertThat(r.readiness("e").isReady()).isTrue();
        assertThat(r.readiness("d").isReady()).isFalse();
        assertThat(r.readiness("d").waitingOn()).containsExactly("c");
    }

    @Test
    void a_goal_waits_on_its_prerequisites_not_done_in_goal_order() {
        Roadmap r = diamond().withGoal(Goal.of("b").withStatus(GoalStatus.FAILED));

        assertThat(r.readiness("d").waitingOn()).containsExactly("b", "c");
    }

    @Test
    void readiness_looks_only_at_direct_prerequisites() {
        Roadmap r = diamond().withGoal(Goal.of("a").withStatus(GoalStatus.BLOCKED))
                .withGoal(Goal.of("c").withStatus(GoalStatus.DONE));

        assertThat(r.readiness("d").isReady()).isTrue();
        assertThat(r.readiness("b").waitingOn()).containsExactly("a");
    }

    @Test
    void prerequisites_and_dependents_follow_the_edges() {
        Roadmap r = diamond();

        assertThat(r.prerequisites("d")).containsExactly("b", "c");
        assertThat(r.dependents("a")).containsExactly("b", "c");
        assertThat(r.prerequisites("a")).isEmpty();
        assertThat(r.dependents("e")).isEmpty();
    }

    @Test
    void cycles_are_rejected_with_the_cycle_named() {
        var builder = Roadmap.builder().goal(Goal.of("a")).goal(Goal.of("b")).goal(Goal.of("c"))
                .dependency("a", "b").dependency("b", "c").dependency("c", "a");

        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(CycleException.class,
                        e -> assertThat(e.cycle()).containsExactly("a", "b", "c", "a"))
                .hasMessage("cycle: a -> b -> c -> a");
    }

    @Test
    void adding_a_dependency_that_closes_a_cycle_is_refused_and_names_it() {
        Roadmap r = diamond();

        assertThatThrownBy(() -> r.withDependency("d", "a")).isInstanceOf(CycleException.class)
                .hasMessage("cycle: a -> b -> d -> a");
        assertThat(r.dependencies()).hasSize(4);
    }

    @Test
    void the_named_cycle_is_only_the_loop_not_the_path_leading_to_it() {
        var builder = Roadmap.builder().goal(Goal.of("start")).goal(Goal.of("x")).goal(Goal.of("y"))
                .dependency("start", "x").dependency("x", "y").dependency("y", "x");

        assertThatThrownBy(builder::build).hasMessage("cycle: x -> y -> x");
    }

    @Test
    void self_loops_are_refused() {
        assertThatThrownBy(() -> diamond().withDependency("a", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot depend on itself");
    }

    @Test
    void dependencies_on_missing_goals_are_refused() {
        assertThatThrownBy(() -> diamond().withDependency("a", "nope"))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> diamond().readiness("nope")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void adding_and_removing_goals_and_dependencies_leaves_the_original_unchanged() {
        Roadmap r = diamond();

        Roadmap added = r.withGoal(Goal.of("f")).withDependency("e", "f");
        Roadmap removed = added.withoutGoal("a").withoutDependency("c", "d");

        assertThat(r.goals()).hasSize(5);
        assertThat(added.goals()).extracting(Goal::id).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(added.prerequisites("f")).containsExactly("e");
        assertThat(removed.goals()).extracting(Goal::id).containsExactly("b", "c", "d", "e", "f");
        assertThat(removed.dependencies()).extracting(d -> d.from() + "->" + d.to()).containsExactly("b->d", "e->f");
    }

    @Test
    void replacing_a_goal_keeps_its_place_and_its_edges() {
        Roadmap r = diamond().withGoal(Goal.of("b").withTitle("Bee"));

        assertThat(r.goals()).extracting(Goal::id).containsExactly("a", "b", "c", "d", "e");
        assertThat(r.goal("b").orElseThrow().title()).isEqualTo("Bee");
        assertThat(r.prerequisites("d")).containsExactly("b", "c");
    }

    @Test
    void changing_a_goal_in_place_updates_readiness_of_its_dependents() {
        Roadmap r = diamond().withGoalChanged("c", g -> g.withStatus(GoalStatus.DONE).withParticipants(List.of("@ana")));

        assertThat(r.goal("c").orElseThrow().participants()).containsExactly("@ana");
        assertThat(r.readiness("d").isReady()).isTrue();
        assertThatThrownBy(() -> r.withGoalChanged("c", g -> Goal.of("renamed")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot rename");
        assertThatThrownBy(() -> r.withGoalChanged("nope", g -> g)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void removing_a_goal_removes_it_from_subgraphs_too() {
        Roadmap r = diamond().toBuilder()
                .subgraph(new Subgraph("cluster_x", Attributes.empty(), Attributes.empty(), Attributes.empty(),
                        List.of("a", "b"), List.of(Subgraph.of("inner", Attributes.empty(), List.of("a")))))
                .build();

        Subgraph cluster = r.withoutGoal("a").subgraphs().get(0);

        assertThat(cluster.goalIds()).containsExactly("b");
        assertThat(cluster.subgraphs().get(0).goalIds()).isEmpty();
    }

    @Test
    void adding_an_existing_dependency_changes_nothing() {
        Roadmap r = diamond();

        assertThat(r.withDependency("a", "b")).isSameAs(r);
        assertThat(r.withoutDependency("e", "a")).isSameAs(r);
    }

    @Test
    void topological_order_puts_prerequisites_first_and_is_stable() {
        Roadmap r = Roadmap.builder().goal(Goal.of("late")).goal(Goal.of("x")).goal(Goal.of("early"))
                .goal(Goal.of("free")).dependency("early", "late").dependency("x", "late").build();

        assertThat(r.topologicalOrder()).extracting(Goal::id).containsExactly("x", "early", "late", "free");
    }

    @Test
    void subgraphs_must_name_goals_of_the_roadmap() {
        var builder = diamond().toBuilder().subgraph(Subgraph.of("s", Attributes.empty(), List.of("ghost")));

        assertThatThrownBy(builder::build).isInstanceOf(NoSuchElementException.class).hasMessageContaining("'ghost'");
    }

    @Test
    void goals_refuse_bad_ids_and_participants() {
        assertThatThrownBy(() -> Goal.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Goal.of("x".repeat(Goal.MAX_ID_LENGTH + 1)))
                .hasMessageContaining(Goal.MAX_ID_LENGTH + 1 + " characters, more than the " + Goal.MAX_ID_LENGTH);
        assertThatThrownBy(() -> Goal.of("a").withParticipants(List.of("ana"))).hasMessageContaining("@name");
        assertThatThrownBy(() -> Goal.of("a").withParticipants(List.of("@a b"))).hasMessageContaining("blanks");
    }

    @Test
    void statuses_have_lowercase_dot_names_and_colours() {
        assertThat(GoalStatus.values()).extracting(GoalStatus::dotName)
                .containsExactly("pending", "in_progress", "done", "blocked", "failed");
        assertThat(GoalStatus.fromDotName("In_Progress")).hasValue(GoalStatus.IN_PROGRESS);
        assertThat(GoalStatus.fromDotName("started")).isEmpty();
        assertThat(GoalStatus.fromFillColor("chocolate")).hasValue(GoalStatus.BLOCKED);
        assertThat(GoalStatus.PENDING.fillColor()).isEmpty();
    }
}
