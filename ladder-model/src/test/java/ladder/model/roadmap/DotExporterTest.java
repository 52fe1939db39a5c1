package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DotExporterTest {

    private static Roadmap allStatuses() {
        var b = Roadmap.builder().graphAttributes(Attributes.of(java.util.Map.of("rankdir", "LR")));
        for (GoalStatus status : GoalStatus.values()) {
            b.goal(Goal.of(status.dotName()).withStatus(status).withDescription("Goal that is " + status.dotName()));
        }
        return b.dependency("done", "in_progress").dependency("in_progress", "pending").build();
    }

    private static Roadmap roundTrip(Roadmap roadmap) throws DotImportException {
        return DotImporter.parse(DotExporter.export(roadmap));
    }

    @Test
    void each_status_is_written_explicitly_and_as_the_seed_fill_colour() {
        String dot = DotExporter.export(allStatuses());

        assertThat(dot).contains("  pending [status=pending, participants=\"\", tooltip=\"Goal that is pending\"];\n");
        assertThat(dot).contains("  in_progress [status=in_progress, participants=\"\", tooltip=\"Goal that is in_progress\", style=filled, fillcolor=gold];\n");
        assertThat(dot).contains("  done [status=done, participants=\"\", tooltip=\"Goal that is done\", style=filled, fillcolor=green];\n");
        assertThat(dot).contains("  blocked [status=blocked, participants=\"\", tooltip=\"Goal that is blocked\", style=filled, fillcolor=chocolate];\n");
        assertThat(dot).contains("  failed [status=failed, participants=\"\", tooltip=\"Goal that is failed\", style=filled, fillcolor=red];\n");
    }

    @Test
    void participants_and_titles_are_written_when_present() {
        Roadmap r = Roadmap.builder()
                .goal(Goal.of("a").withTitle("Learn PromQL").withParticipants(List.of("@ana", "@bob")))
                .build();

        assertThat(DotExporter.export(r)).isEqualTo("""
                digraph {

                  a [label="Learn PromQL", status=pending, participants="@ana @bob"];
                }
                """);
    }

    @Test
    void quotes_backslashes_newlines_keywords_and_odd_ids_are_escaped_so_they_read_back() throws Exception {
        Roadmap r = Roadmap.builder()
                .goal(Goal.of("say \"hi\"").withDescription("line one\nline two with \\l, \\\\ and a \"quote\""))
                .goal(Goal.of("node"))
                .goal(Goal.of("two words"))
                .goal(Goal.of("日本語"))
                .goal(Goal.of("1a"))
                .goal(Goal.of("-1.5"))
                .dependency("node", "two words")
                .build();

        String dot = DotExporter.export(r);

        assertThat(dot).contains("  \"say \\\"hi\\\"\" [status=pending, participants=\"\", tooltip=\"line one\nline two with \\l, \\\\ and a \\\"quote\\\"\"];");
        assertThat(dot).contains("  \"node\" -> \"two words\";");
        assertThat(dot).contains("  日本語 [status=pending, participants=\"\"];");
        assertThat(dot).contains("  \"1a\" [status=pending, participants=\"\"];");
        assertThat(dot).contains("  -1.5 [status=pending, participants=\"\"];");
        assertThat(DotImporter.parse(dot)).isEqualTo(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ends with \\", "odd \\\" quote", "\\", "a\\\\\\", "before\\\na line break"})
    void a_backslash_that_dot_cannot_spell_is_refused_so_that_every_goal_exports_and_imports_back(String description) {
        // DOT reads \" as a quote, \\ as two backslashes and a backslash before a line break as a continuation
        assertThatThrownBy(() -> Goal.of("a").withDescription(description))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the description of goal 'a' ")
                .hasMessageContaining("backslash").hasMessageEndingWith("which DOT cannot write: double it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ends with \\\\", "even \\\\\" quote", "\\n and \\l", "C:\\dir\\file"})
    void backslashes_that_dot_can_spell_travel_unchanged(String description) throws Exception {
        Roadmap r = Roadmap.builder().goal(Goal.of("a").withDescription(description)).build();

        assertThat(roundTrip(r)).isEqualTo(r);
    }

    @Test
    void an_own_fill_colour_wins_over_the_status_colour_and_an_own_style_gets_filled_added() throws Exception {
        Roadmap r = Roadmap.builder()
                .goal(Goal.of("a").withStatus(GoalStatus.DONE).withAttributes(Attributes.of(java.util.Map.of("fillcolor", "lightblue"))))
                .goal(Goal.of("b").withStatus(GoalStatus.FAILED).withAttributes(Attributes.of(java.util.Map.of("style", "rounded"))))
                .build();

        String dot = DotExporter.export(r);

        assertThat(dot).contains("  a [status=done, participants=\"\", fillcolor=lightblue];");
        assertThat(dot).contains("  b [status=failed, participants=\"\", style=\"rounded,filled\", fillcolor=red];");
        assertThat(roundTrip(r)).isEqualTo(r);
    }

    @Test
    void text_that_looks_like_dot_cannot_inject_attributes_or_statements() throws Exception {
        String attack = "x\"]; b [image=\"/etc/passwd\"]; c [label=\"";
        Roadmap r = Roadmap.builder().goal(Goal.of("a").withDescription(attack).withTitle("} digraph { evil")).build();

        Roadmap back = roundTrip(r);

        assertThat(back.goals()).singleElement().satisfies(goal -> {
            assertThat(goal.description()).isEqualTo(attack);
            assertThat(goal.title()).isEqualTo("} digraph { evil");
            assertThat(goal.attributes().isEmpty()).isTrue();
        });
    }

    @Test
    void html_labels_are_written_between_angle_brackets() throws Exception {
        Roadmap r = DotImporter.parse("digraph { a [label=<<b>Deploy</b>>] }");

        String dot = DotExporter.export(r);

        assertThat(dot).contains("  a [status=pending, participants=\"\", label=<<b>Deploy</b>>];");
        assertThat(DotImporter.parse(dot)).isEqualTo(r);
    }

    @Test
    void a_hand_written_file_with_every_feature_survives_the_round_trip() throws Exception {
        Roadmap r = DotImporter.parse("""
                strict digraph "Team roadmap" {
                  rankdir=LR; label=<<b>Roadmap</b>>
                  a [shape=box]
                  node [shape=ellipse, color=grey, label="Default title"]
                  edge [arrowhead=vee]
                  b [status=done, participants="@ana", tooltip=Hover, description="What"]
                  subgraph cluster_one {
                    label="One"; node [fontsize=9] edge [penwidth=2]
                    c -> d [color=red]
                    subgraph inner { rank=same; e; f [fillcolor=chocolate, style="dashed, filled"] }
                  }
                  a:s -> b:n -> {c e}
                  {rank=same; a b}
                }
                """);

        Roadmap back = roundTrip(r);

        assertThat(back).isEqualTo(r);
        assertThat(back.goal("a").orElseThrow().title()).isEqualTo("a");
        assertThat(back.goal("c").orElseThrow().title()).isEqualTo("Default title");
        assertThat(back.goal("f").orElseThrow().status()).isEqualTo(GoalStatus.BLOCKED);
        assertThat(back.goal("f").orElseThrow().attributes().get("style")).hasValue("dashed");
    }

    @Test
    void exported_and_rendering_text_render_with_plain_dot() throws Exception {
        assumeTrue(dotIsInstalled(), "Graphviz 'dot' is not installed");
        Roadmap r = allStatuses();

        String svg = render(DotExporter.export(r));
        String withLegend = render(DotExporter.forRendering(r));

        assertThat(svg).contains("fill=\"green\"").contains("fill=\"chocolate\"").contains("fill=\"red\"")
                .contains("fill=\"gold\"").contains("<title>done</title>");
        assertThat(withLegend).contains(">Legend<").contains("<title>legend_pending</title>");
    }

    @Test
    void the_top_level_roadmap_and_its_export_render_with_plain_dot() throws Exception {
        assumeTrue(dotIsInstalled(), "Graphviz 'dot' is not installed");
        String topLevel = java.nio.file.Files.readString(SeedRoadmapTest.TOP_LEVEL_ROADMAP);

        String svg = render(topLevel);
        String exportedSvg = render(DotExporter.export(DotImporter.parse(topLevel)));

        assertThat(svg).contains("<title>research_done</title>").doesNotContain("fill=\"green\"");
        assertThat(exportedSvg).contains("<title>research_done</title>")
                .contains("xlink:title=\"Research on the state of the art in observability is complete.\"");
    }

    @Test
    void the_rendering_variant_adds_a_legend_whose_ids_never_clash_with_goals() throws Exception {
        Roadmap r = Roadmap.builder().goal(Goal.of("legend_done")).goal(Goal.of("cluster_legend")).build();

        String dot = DotExporter.forRendering(r);

        assertThat(dot).contains("subgraph cluster_legend_ {").contains("legend_done_ [label=done");
        assertThat(DotImporter.parse(dot).goals()).hasSize(2 + GoalStatus.values().length);
    }

    static boolean dotIsInstalled() {
        try {
            Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String render(String dot) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dot", "-Tsvg").start();
        try (var in = p.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        }
        String svg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("dot failed: %s", errors).isZero();
        assertThat(errors).as("dot warnings").isEmpty();
        return svg;
    }
}
