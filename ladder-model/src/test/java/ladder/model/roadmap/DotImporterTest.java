package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DOT that people write by hand, accepted. */
class DotImporterTest {

    private static Goal goal(Roadmap roadmap, String id) {
        return roadmap.goal(id).orElseThrow();
    }

    private static List<String> edges(Roadmap roadmap) {
        return roadmap.dependencies().stream().map(d -> d.from() + "->" + d.to()).toList();
    }

    @Test
    void quoted_ids_unescape_quotes_and_keep_other_backslashes() throws Exception {
        Roadmap r = DotImporter.parse("digraph { \"say \\\"hi\\\"\" -> \"two words\" [label=\"a\\nb\"]; \"c:\\\\dir\" }");

        assertThat(r.goals()).extracting(Goal::id).containsExactly("say \"hi\"", "two words", "c:\\\\dir");
        assertThat(r.dependencies().get(0).attributes().get("label")).hasValue("a\\nb");
    }

    @Test
    void unicode_ids_need_no_quotes() throws Exception {
        Roadmap r = DotImporter.parse("digraph { naïve -> 日本語 -> émoji_ok }");

        assertThat(edges(r)).containsExactly("naïve->日本語", "日本語->émoji_ok");
    }

    @Test
    void comments_of_every_kind_are_skipped() throws Exception {
        Roadmap r = DotImporter.parse("""
                # 1 "roadmap.gv" (a preprocessor line)
                digraph { // the team's roadmap
                  a /* first */ -> b;
                    # indented preprocessor line
                  /* a comment
                     over lines */ c
                }
                """);

        assertThat(r.goals()).extracting(Goal::id).containsExactly("a", "b", "c");
    }

    @Test
    void a_byte_order_mark_is_skipped() throws Exception {
        assertThat(DotImporter.parse("\uFEFFdigraph { a }").goals()).hasSize(1);
    }

    @Test
    void keywords_ignore_case() throws Exception {
        Roadmap r = DotImporter.parse("STRICT DiGraph G { NODE [shape=box] Edge [color=red] GRAPH [rankdir=LR] a -> b SubGraph s { c } }");

        assertThat(r.isStrict()).isTrue();
        assertThat(r.name()).hasValue("G");
        assertThat(goal(r, "a").attributes().asMap()).containsExactly(entry("shape", "box"));
        assertThat(r.dependencies().get(0).attributes().asMap()).containsExactly(entry("color", "red"));
        assertThat(r.graphAttributes().asMap()).containsExactly(entry("rankdir", "LR"));
        assertThat(r.subgraphs()).extracting(Subgraph::id).containsExactly("s");
    }

    @Test
    void defaults_apply_to_what_follows_them_as_in_graphviz() throws Exception {
        Roadmap r = DotImporter.parse("""
                digraph {
                  a;
                  node [shape=box, status=done];
                  b;
                  edge [color=grey]
                  a -> b
                  a [shape=circle]
                }
                """);

        assertThat(goal(r, "a").attributes().asMap()).containsExactly(entry("shape", "circle"));
        assertThat(goal(r, "a").status()).isEqualTo(GoalStatus.PENDING);
        assertThat(goal(r, "b").attributes().asMap()).containsExactly(entry("shape", "box"));
        assertThat(goal(r, "b").status()).isEqualTo(GoalStatus.DONE);
        assertThat(r.nodeDefaults().asMap()).containsExactly(entry("shape", "box"));
        assertThat(r.edgeDefaults().asMap()).containsExactly(entry("color", "grey"));
        assertThat(r.dependencies().get(0).attributes().asMap()).containsExactly(entry("color", "grey"));
    }

    @Test
    void graph_attributes_come_from_statements_and_graph_lists_in_order() throws Exception {
        Roadmap r = DotImporter.parse("digraph { rankdir=\"TB\"; graph [label=Roadmap, fontsize=10] splines=ortho }");

        assertThat(r.graphAttributes().asMap())
                .containsExactly(entry("rankdir", "TB"), entry("label", "Roadmap"), entry("fontsize", "10"),
                        entry("splines", "ortho"));
        assertThat(r.goals()).isEmpty();
    }

    @Test
    void chains_and_sets_expand_to_every_pair() throws Exception {
        Roadmap r = DotImporter.parse("digraph { a -> b -> c; d -> {e f}; {g h} -> i; {j k} -> {l m} }");

        assertThat(edges(r)).containsExactly("a->b", "b->c", "d->e", "d->f", "g->i", "h->i",
                "j->l", "j->m", "k->l", "k->m");
        assertThat(r.subgraphs()).as("bare sets are syntax, not subgraphs").isEmpty();
    }

    @Test
    void edge_attributes_apply_to_every_edge_of_the_statement() throws Exception {
        Roadmap r = DotImporter.parse("digraph { a -> {b c} [color=blue] }");

        assertThat(r.dependencies()).allSatisfy(d -> assertThat(d.attributes().get("color")).hasValue("blue"));
    }

    @Test
    void subgraphs_and_clusters_keep_their_attributes_members_and_nesting() throws Exception {
        Roadmap r = DotImporter.parse("""
                digraph {
                  subgraph cluster_learning {
                    label="Learning"; color=blue
                    node [shape=box]
                    a -> b
                    subgraph inner { rank=same; c; d }
                  }
                  { rank=same; e f }
                  c -> e
                }
                """);

        assertThat(r.subgraphs()).hasSize(2);
        Subgraph cluster = r.subgraphs().get(0);
        assertThat(cluster.isCluster()).isTrue();
        assertThat(cluster.attributes().asMap()).containsExactly(entry("label", "Learning"), entry("color", "blue"));
        assertThat(cluster.nodeDefaults().asMap()).containsExactly(entry("shape", "box"));
        assertThat(cluster.goalIds()).containsExactly("a", "b");
        assertThat(cluster.subgraphs()).singleElement().satisfies(inner -> {
            assertThat(inner.id()).isEqualTo("inner");
            assertThat(inner.goalIds()).containsExactly("c", "d");
            assertThat(inner.attributes().asMap()).containsExactly(entry("rank", "same"));
        });
        assertThat(goal(r, "c").attributes().asMap()).containsExactly(entry("shape", "box"));
        assertThat(r.subgraphs().get(1).id()).isEmpty();
        assertThat(r.subgraphs().get(1).goalIds()).containsExactly("e", "f");
        assertThat(goal(r, "e").attributes().isEmpty()).isTrue();
    }

    @Test
    void a_named_subgraph_used_as_an_edge_end_is_kept_and_expands_to_its_goals() throws Exception {
        Roadmap r = DotImporter.parse("digraph { subgraph cluster_x { a b } -> c }");

        assertThat(edges(r)).containsExactly("a->c", "b->c");
        assertThat(r.subgraphs()).singleElement().satisfies(s -> assertThat(s.goalIds()).containsExactly("a", "b"));
    }

    @Test
    void html_labels_keep_their_markup_with_nested_angle_brackets() throws Exception {
        Roadmap r = DotImporter.parse("digraph { a [label=<<b>Deploy</b> <i>now</i>>] }");

        Goal a = goal(r, "a");
        assertThat(a.title()).isEqualTo("<b>Deploy</b> <i>now</i>");
        assertThat(a.attributes().attribute("label")).hasValue(new Attribute("label", "<b>Deploy</b> <i>now</i>", true));
    }

    @Test
    void strict_graphs_and_plain_ones_merge_a_repeated_edge_into_one_dependency() throws Exception {
        Roadmap strict = DotImporter.parse("strict digraph { a -> b [color=red]; a -> b [style=dashed] }");
        Roadmap plain = DotImporter.parse("digraph { a -> b; a -> b }");

        assertThat(strict.dependencies()).singleElement()
                .satisfies(d -> assertThat(d.attributes().asMap()).containsExactly(entry("color", "red"), entry("style", "dashed")));
        assertThat(plain.dependencies()).hasSize(1);
    }

    @Test
    void separators_are_optional_everywhere() throws Exception {
        Roadmap r = DotImporter.parse("digraph{a[x=1 y=2;z=3,w=4][v=5]b c->d}");

        assertThat(goal(r, "a").attributes().asMap())
                .containsExactly(entry("x", "1"), entry("y", "2"), entry("z", "3"), entry("w", "4"), entry("v", "5"));
        assertThat(r.goals()).extracting(Goal::id).containsExactly("a", "b", "c", "d");
    }

    @Test
    void status_comes_from_the_status_attribute_in_any_case() throws Exception {
        Roadmap r = DotImporter.parse("digraph { a [status=DONE] b [status=\" in_progress \"] c }");

        assertThat(r.goals()).extracting(Goal::status)
                .containsExactly(GoalStatus.DONE, GoalStatus.IN_PROGRESS, GoalStatus.PENDING);
    }

    @Test
    void without_a_status_the_seed_fill_colour_decides_and_is_not_kept_as_an_attribute() throws Exception {
        Roadmap r = DotImporter.parse("""
                digraph {
                  done [style=filled, fillcolor=green]
                  blocked [style=filled fillcolor=chocolate]
                  failed [style="rounded,filled" fillcolor=Red]
                  going [style=filled fillcolor=gold]
                  other [style=filled fillcolor=lightblue]
                }
                """);

        assertThat(r.goals()).extracting(Goal::status).containsExactly(GoalStatus.DONE, GoalStatus.BLOCKED,
                GoalStatus.FAILED, GoalStatus.IN_PROGRESS, GoalStatus.PENDING);
        assertThat(goal(r, "done").attributes().isEmpty()).isTrue();
        assertThat(goal(r, "failed").attributes().asMap()).containsExactly(entry("style", "rounded"));
        assertThat(goal(r, "other").attributes().asMap())
                .containsExactly(entry("style", "filled"), entry("fillcolor", "lightblue"));
    }

    @Test
    void an_explicit_status_wins_over_the_fill_colour_which_is_then_kept() throws Exception {
        Roadmap r = DotImporter.parse("digraph { a [status=pending, style=filled, fillcolor=green] }");

        assertThat(goal(r, "a").status()).isEqualTo(GoalStatus.PENDING);
        assertThat(goal(r, "a").attributes().get("fillcolor")).hasValue("green");
    }

    @Test
    void label_is_the_title_and_participants_are_blank_separated_handles() throws Exception {
        Roadmap r = DotImporter.parse("digraph { a [label=\"Learn PromQL\", participants=\"  @ana\t@bob  \"] b }");

        assertThat(goal(r, "a").title()).isEqualTo("Learn PromQL");
        assertThat(goal(r, "a").participants()).containsExactly("@ana", "@bob");
        assertThat(goal(r, "b").title()).isEqualTo("b");
        assertThat(goal(r, "a").attributes().isEmpty()).isTrue();
    }

    @Test
    void description_wins_over_tooltip_which_is_then_kept() throws Exception {
        Roadmap r = DotImporter.parse("digraph { a [tooltip=\"Hover\", description=\"What it is\"] b [tooltip=\"Only\"] }");

        assertThat(goal(r, "a").description()).isEqualTo("What it is");
        assertThat(goal(r, "a").attributes().asMap()).containsExactly(entry("tooltip", "Hover"));
        assertThat(goal(r, "b").description()).isEqualTo("Only");
    }

    @Test
    void ports_become_tailport_and_headport_and_do_not_make_goals() throws Exception {
        Roadmap r = DotImporter.parse("digraph { a:out:s -> b:in; c:x [shape=box] }");

        assertThat(r.goals()).extracting(Goal::id).containsExactly("a", "b", "c");
        assertThat(r.dependencies().get(0).attributes().asMap())
                .containsExactly(entry("tailport", "out:s"), entry("headport", "in"));
    }

    @Test
    void numerals_concatenation_and_line_continuations_read_as_graphviz_reads_them() throws Exception {
        Roadmap r = DotImporter.parse("digraph { 1 -> -2.5 -> .5; x [label=\"long \" + \"label\", tooltip=\"one \\\nline\"] }");

        assertThat(r.goals()).extracting(Goal::id).containsExactly("1", "-2.5", ".5", "x");
        assertThat(goal(r, "x").title()).isEqualTo("long label");
        assertThat(goal(r, "x").description()).isEqualTo("one line");
    }

    @Test
    void quoted_strings_joined_with_plus_work_for_ids_and_names_too() throws Exception {
        Roadmap r = DotImporter.parse("digraph \"team\" + \" plan\" { \"learn \" + \"PromQL\" -> b; subgraph \"cluster\" + \"_x\" { b } }");

        assertThat(r.name()).hasValue("team plan");
        assertThat(r.goals()).extracting(Goal::id).containsExactly("learn PromQL", "b");
        assertThat(r.subgraphs()).extracting(Subgraph::id).containsExactly("cluster_x");
    }

    @Test
    void an_empty_digraph_is_an_empty_roadmap() throws Exception {
        assertThat(DotImporter.parse("digraph {}").goals()).isEmpty();
    }

    @Test
    void a_goal_id_of_the_longest_length_is_accepted() throws Exception {
        String id = "g".repeat(Goal.MAX_ID_LENGTH);

        assertThat(DotImporter.parse("digraph { " + id + " }").goals()).extracting(Goal::id).containsExactly(id);
    }

    @Test
    void subgraphs_nested_thirty_two_deep_are_accepted_and_one_more_is_refused() throws Exception {
        String ok = "digraph { " + "subgraph s {".repeat(32) + " a " + "}".repeat(32) + " }";
        String deep = "digraph { " + "subgraph s {".repeat(33) + " a " + "}".repeat(33) + " }";

        assertThat(DotImporter.parse(ok).subgraphs().get(0).depth()).isEqualTo(32);
        assertThatThrownBy(() -> DotImporter.parse(deep)).hasMessageContaining("nested deeper than 32");
    }

    @Test
    void harmless_link_attributes_are_kept() throws Exception {
        Roadmap r = DotImporter.parse("digraph { a [URL=\"https://prometheus.io/docs\", target=_blank, fontname=Helvetica] }");

        assertThat(goal(r, "a").attributes().asMap()).containsExactly(entry("URL", "https://prometheus.io/docs"),
                entry("target", "_blank"), entry("fontname", "Helvetica"));
    }

    @Test
    void prose_that_mentions_javascript_is_a_fine_description() throws Exception {
        Roadmap r = DotImporter.parse("digraph { a [tooltip=\"Learn JavaScript: closures\", URL=\"https://example.com/javascript\"] }");

        assertThat(goal(r, "a").description()).isEqualTo("Learn JavaScript: closures");
    }

    @Test
    void importing_the_same_text_twice_gives_equal_roadmaps() throws Exception {
        String dot = Resources.text("/seed/roadmap.gv");

        assertThat(DotImporter.parse(dot)).isEqualTo(DotImporter.parse(dot)).hasSameHashCodeAs(DotImporter.parse(dot));
    }
}
