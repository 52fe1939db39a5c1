package ladder.webapp.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import ladder.model.roadmap.DotExporter;
import ladder.model.roadmap.GoalStatus;
import ladder.model.roadmap.Roadmap;
import ladder.webapp.account.AccountChanges;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What roadmaps need of the database, on H2 and on a real PostgreSQL (the two subclasses): the
 * first-start import, lossless storage, rows in step with the DOT, versions, history, and refused
 * changes that write nothing.
 */
abstract class RoadmapPersistenceContract {

    static final String PASSWORD = "a-long-enough-password";
    static final String HAND_WRITTEN = """
            strict digraph "team plan" {
              rankdir=LR; label="Plan";
              node [shape=box, fontsize=11];
              "scope ✓" [label="Scope defined", status=in_progress, participants="@ada @zed", custom=kept];
              build [tooltip="Build it", color=blue];
              ship;
              "scope ✓" -> build -> ship [color=gray];
              subgraph cluster_later { label="Later"; ship; }
            }
            """;

    @Autowired RoadmapService roadmaps;
    @Autowired AccountService accounts;
    @Autowired Flyway flyway;
    @Autowired JdbcTemplate jdbc;
    AccountView mentor;

    @BeforeEach
    void mentor() {
        String username = "m" + UUID.randomUUID().toString().substring(0, 8);
        mentor = accounts.create(new NewAccount(username, "Mentor " + username, "@" + username, Set.of(Role.MENTOR), PASSWORD));
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void the_roadmap_migrations_are_applied() {
        assertThat(flyway.info().applied()).filteredOn(info -> info.getVersion() != null)
                .extracting(info -> info.getVersion().getVersion()).contains("10");
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void the_first_start_imported_the_team_roadmap_as_the_default() {
        RoadmapSnapshot team = roadmaps.findDefault().orElseThrow();
        assertThat(team.name()).isEqualTo("Team roadmap");
        assertThat(team.roadmap().goals()).hasSize(9);
        assertThat(team.roadmap().dependencies()).hasSize(9);
        assertThat(team.roadmap().graphAttributes().get("rankdir")).contains("TB");
        assertThat(team.roadmap().goal("scope_defined").orElseThrow().participants())
                .containsExactly("@valentyinboyanov", "@igarridot");
        assertThat(jdbc.queryForObject("select count(*) from roadmap_goal where roadmap_id = ?", Integer.class, team.id()))
                .isEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from roadmap_revision where roadmap_id = ?", Integer.class,
                team.id())).isEqualTo(1);
        assertThat(roadmaps.history(team.id(), null)).anySatisfy(change -> {
            assertThat(change.who()).isEqualTo("system");
            assertThat(change.what()).isEqualTo("roadmap created");
        });
    }

    @Test
    void a_stored_roadmap_reads_back_equal_with_its_graph_attributes_subgraphs_and_unknown_attributes() {
        Roadmap original = RoadmapService.parse(HAND_WRITTEN);
        RoadmapSnapshot created = roadmaps.create(unique("plan"), HAND_WRITTEN, mentor);

        Roadmap stored = roadmaps.get(created.id()).roadmap();
        assertThat(stored).isEqualTo(original);
        assertThat(stored.goal("scope ✓").orElseThrow().attributes().get("custom")).contains("kept");
        assertThat(stored.subgraphs()).hasSize(1);
        assertThat(RoadmapService.parse(roadmaps.export(created.id(), ExportFormat.GV))).isEqualTo(original);
        assertThat(jdbc.queryForObject("select dot from roadmap where id = ?", String.class, created.id()))
                .isEqualTo(DotExporter.export(original));
    }

    @Test
    void a_taken_name_is_refused() {
        String name = unique("twice");
        roadmaps.create(name, HAND_WRITTEN, mentor);
        assertThatThrownBy(() -> roadmaps.create(name, HAND_WRITTEN, mentor))
                .isInstanceOf(RoadmapConflictException.class).hasMessageContaining("already exists");
    }

    @Test
    void changing_a_goal_raises_only_its_version_and_records_before_and_after() {
        RoadmapSnapshot created = roadmaps.create(unique("versions"), HAND_WRITTEN, mentor);
        long buildVersion = created.goalVersion("build");
        long shipVersion = created.goalVersion("ship");

        RoadmapSnapshot after = roadmaps.changeGoal(created.id(), "build", GoalEdit.status(GoalStatus.DONE), buildVersion, mentor);

        assertThat(after.goalVersion("build")).isGreaterThan(buildVersion);
        assertThat(after.goalVersion("ship")).isEqualTo(shipVersion);
        assertThat(jdbc.queryForObject("select dot from roadmap where id = ?", String.class, created.id()))
                .containsPattern("build \\[[^]]*status=done");
        assertThat(roadmaps.history(created.id(), "build")).first().satisfies(change -> {
            assertThat(change.who()).isEqualTo(mentor.username());
            assertThat(change.what()).isEqualTo("status");
            assertThat(change.before()).isEqualTo("pending");
            assertThat(change.after()).isEqualTo("done");
        });
    }

    @Test
    void an_edit_that_hands_back_unchanged_fields_keeps_an_html_label() {
        RoadmapSnapshot created = roadmaps.create(unique("html"), "digraph { a [label=<<b>Alpha</b>>, tooltip=\"Text \"]; }", mentor);
        var goal = created.roadmap().goal("a").orElseThrow();

        RoadmapSnapshot after = roadmaps.changeGoal(created.id(), "a",
                new GoalEdit(goal.title(), goal.description(), GoalStatus.DONE, goal.participants()), null, mentor);

        var changed = after.roadmap().goal("a").orElseThrow();
        assertThat(changed.status()).isEqualTo(GoalStatus.DONE);
        assertThat(changed.attributes().attribute("label")).hasValueSatisfying(label -> assertThat(label.html()).isTrue());
        assertThat(changed.description()).isEqualTo(goal.description());
    }

    @Test
    void an_edit_of_a_stale_goal_is_refused_and_the_newer_change_stays() {
        RoadmapSnapshot read = roadmaps.create(unique("stale"), HAND_WRITTEN, mentor);
        roadmaps.changeGoal(read.id(), "build", GoalEdit.status(GoalStatus.DONE), read.goalVersion("build"), mentor);

        assertThatThrownBy(() -> roadmaps.changeGoal(read.id(), "build", GoalEdit.status(GoalStatus.FAILED),
                read.goalVersion("build"), mentor))
                .isInstanceOf(RoadmapConflictException.class).hasMessageContaining("changed by someone else");
        assertThat(roadmaps.get(read.id()).roadmap().goal("build").orElseThrow().status()).isEqualTo(GoalStatus.DONE);
    }

    @Test
    void a_dependency_closing_a_cycle_is_refused_with_the_cycle_named_and_nothing_written() {
        RoadmapSnapshot created = roadmaps.create(unique("cycle"), HAND_WRITTEN, mentor);
        int changes = roadmaps.history(created.id(), null).size();

        assertThatThrownBy(() -> roadmaps.addDependency(created.id(), "ship", "scope ✓", mentor))
                .isInstanceOf(RoadmapException.class).hasMessageContaining("cycle: ");
        assertThat(roadmaps.get(created.id())).isEqualTo(created);
        assertThat(roadmaps.history(created.id(), null)).hasSize(changes);
    }

    @Test
    void replacing_a_roadmap_keeps_rows_in_step_and_records_each_difference() {
        RoadmapSnapshot created = roadmaps.create(unique("replace"), HAND_WRITTEN, mentor);
        RoadmapSnapshot replaced = roadmaps.replace(created.id(), """
                digraph { build [status=done]; test; build -> test; }
                """, created.version(), mentor);

        assertThat(replaced.roadmap().goals()).extracting(g -> g.id()).containsExactly("build", "test");
        assertThat(jdbc.queryForList("select goal_id from roadmap_goal where roadmap_id = ?", String.class,
                created.id())).containsExactlyInAnyOrder("build", "test");
        assertThat(replaced.roadmap().dependencies()).extracting(d -> d.from() + " -> " + d.to()).containsExactly("build -> test");
        List<String> what = roadmaps.history(created.id(), null).stream().map(RoadmapChange::what).toList();
        assertThat(what).contains("goal added", "goal deleted", "status", "prerequisite added", "prerequisite removed");
    }

    @Test
    void a_replace_on_a_stale_preview_is_refused_and_a_refused_import_writes_nothing() {
        RoadmapSnapshot created = roadmaps.create(unique("preview"), HAND_WRITTEN, mentor);
        roadmaps.addGoal(created.id(), "docs", "Docs", "", List.of(), mentor);

        assertThatThrownBy(() -> roadmaps.replace(created.id(), "digraph { x }", created.version(), mentor))
                .isInstanceOf(RoadmapConflictException.class);
        RoadmapSnapshot before = roadmaps.get(created.id());
        assertThatThrownBy(() -> roadmaps.replace(created.id(), "digraph { a -> b -> a }", null, mentor))
                .isInstanceOf(RoadmapException.class).hasMessageContaining("a -> b -> a");
        assertThat(roadmaps.get(created.id())).isEqualTo(before);
    }

    @Test
    void a_learner_changes_only_the_status_of_goals_they_take_part_in() {
        AccountView ada = accounts.findByHandle("@ada").orElseGet(() -> accounts.create(
                new NewAccount("ada", "Ada Lovelace", "@ada", Set.of(Role.LEARNER), PASSWORD)));
        RoadmapSnapshot created = roadmaps.create(unique("learner"), HAND_WRITTEN, mentor);

        roadmaps.changeGoal(created.id(), "scope ✓", GoalEdit.status(GoalStatus.DONE), null, ada);
        assertThat(roadmaps.get(created.id()).roadmap().goal("scope ✓").orElseThrow().status()).isEqualTo(GoalStatus.DONE);
        assertThatThrownBy(() -> roadmaps.changeGoal(created.id(), "build", GoalEdit.status(GoalStatus.DONE), null, ada))
                .isInstanceOf(RoadmapAccessDeniedException.class).hasMessageContaining("do not take part");
        assertThatThrownBy(() -> roadmaps.changeGoal(created.id(), "scope ✓",
                new GoalEdit("New title", null, null, null), null, ada))
                .isInstanceOf(RoadmapAccessDeniedException.class);
        assertThatThrownBy(() -> roadmaps.addGoal(created.id(), "mine", "", "", List.of(), ada))
                .isInstanceOf(RoadmapAccessDeniedException.class);
        assertThat(roadmaps.participants(List.of("@ada", "@zed")))
                .containsExactly(new Participant("@ada", "Ada Lovelace"), new Participant("@zed", null));
    }

    @Test
    void a_change_whose_dot_would_not_read_back_is_refused_and_nothing_is_written() {
        RoadmapSnapshot created = roadmaps.create(unique("nul"), HAND_WRITTEN, mentor);
        int changes = roadmaps.history(created.id(), null).size();

        for (String handle : List.of("@a\u0000b", "@a\u0007b", "@a\u001bb", "@a\u2028b\u0000")) {
            assertThatThrownBy(() -> roadmaps.changeGoal(created.id(), "build",
                    new GoalEdit(null, null, null, List.of(handle)), null, mentor))
                    .as(handle).isInstanceOf(RoadmapException.class);
        }
        assertThatThrownBy(() -> roadmaps.changeGoal(created.id(), "build",
                new GoalEdit("bad\u0000title", null, null, null), null, mentor)).isInstanceOf(RoadmapException.class);
        assertThatThrownBy(() -> roadmaps.addGoal(created.id(), "x\u0000y", "", "", List.of(), mentor))
                .isInstanceOf(RoadmapException.class);

        assertThat(roadmaps.get(created.id())).isEqualTo(created);
        assertThat(roadmaps.history(created.id(), null)).hasSize(changes);
    }

    @Test
    void a_roadmap_whose_stored_dot_no_longer_reads_takes_no_other_down_and_its_last_good_version_is_restored() {
        RoadmapSnapshot healthy = roadmaps.create(unique("healthy"), "digraph { one -> two }", mentor);
        RoadmapSnapshot created = roadmaps.create(unique("damaged"), HAND_WRITTEN, mentor);
        RoadmapSnapshot good = roadmaps.changeGoal(created.id(), "build", GoalEdit.status(GoalStatus.DONE), null, mentor);
        // what an older version with looser rules, or a hand-made change in the database, leaves behind
        jdbc.update("update roadmap set dot = ?, version = version + 1 where id = ?",
                "digraph { build -> ; }", created.id());

        assertThat(roadmaps.list()).anySatisfy(summary -> {
            assertThat(summary.id()).isEqualTo(created.id());
            assertThat(summary.damage()).contains("is damaged");
        }).anySatisfy(summary -> {
            assertThat(summary.id()).isEqualTo(healthy.id());
            assertThat(summary.damaged()).isFalse();
            assertThat(summary.goals()).isEqualTo(2);
        });
        assertThatThrownBy(() -> roadmaps.get(created.id())).isInstanceOf(DamagedRoadmapException.class)
                .hasMessageContaining("no longer reads");
        assertThat(roadmaps.get(healthy.id()).roadmap().goals()).hasSize(2);
        assertThat(roadmaps.findDefault()).isPresent();
        assertThatThrownBy(() -> roadmaps.restore(healthy.id(), mentor)).isInstanceOf(RoadmapException.class)
                .hasMessageContaining("not damaged");

        RoadmapSnapshot restored = roadmaps.restore(created.id(), mentor);

        assertThat(restored.roadmap()).isEqualTo(good.roadmap());
        assertThat(restored.roadmap().goal("build").orElseThrow().status()).isEqualTo(GoalStatus.DONE);
        assertThat(roadmaps.history(created.id(), null)).first()
                .satisfies(change -> assertThat(change.what()).isEqualTo("restored after damage"));
        assertThat(roadmaps.changeGoal(created.id(), "ship", GoalEdit.status(GoalStatus.DONE), null, mentor)
                .roadmap().goal("ship").orElseThrow().status()).isEqualTo(GoalStatus.DONE);
    }

    @Test
    void only_the_newest_revisions_are_kept() {
        RoadmapSnapshot created = roadmaps.create(unique("revisions"), HAND_WRITTEN, mentor);
        for (int i = 0; i < RoadmapStore.REVISIONS_KEPT + 5; i++) {
            roadmaps.changeGoal(created.id(), "build", GoalEdit.status(i % 2 == 0 ? GoalStatus.DONE : GoalStatus.FAILED),
                    null, mentor);
        }
        assertThat(jdbc.queryForObject("select count(*) from roadmap_revision where roadmap_id = ?", Integer.class,
                created.id())).isEqualTo(RoadmapStore.REVISIONS_KEPT);
    }

    @Test
    void a_goal_id_of_a_thousand_characters_is_stored_and_its_history_kept() {
        String id = "profiler::frame::" + "x".repeat(1000 - 17);
        RoadmapSnapshot created = roadmaps.create(unique("long ids"), "digraph { \"" + id + "\" -> b }", mentor);

        RoadmapSnapshot changed = roadmaps.changeGoal(created.id(), id, GoalEdit.status(GoalStatus.DONE), null, mentor);

        assertThat(changed.roadmap().goal(id).orElseThrow().status()).isEqualTo(GoalStatus.DONE);
        assertThat(roadmaps.history(created.id(), id)).isNotEmpty();
    }

    @Test
    void an_account_read_before_it_was_disabled_or_demoted_has_no_rights_left() {
        RoadmapSnapshot created = roadmaps.create(unique("stale actor"), HAND_WRITTEN, mentor);
        AccountView readEarlier = mentor;

        accounts.update(mentor.username(), new AccountChanges(null, null, Set.of(Role.LEARNER), null, null));
        assertThatThrownBy(() -> roadmaps.addGoal(created.id(), "later", "", "", List.of(), readEarlier))
                .isInstanceOf(RoadmapAccessDeniedException.class);
        accounts.update(mentor.username(), new AccountChanges(null, null, Set.of(Role.MENTOR), false, null));
        assertThatThrownBy(() -> roadmaps.create(unique("by a disabled mentor"), HAND_WRITTEN, readEarlier))
                .isInstanceOf(RoadmapAccessDeniedException.class).hasMessageContaining("disabled");
        assertThat(roadmaps.get(created.id()).roadmap().contains("later")).isFalse();
    }
}
