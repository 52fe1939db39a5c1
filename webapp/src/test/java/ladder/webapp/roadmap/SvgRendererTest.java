package ladder.webapp.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import ladder.model.roadmap.DotExporter;
import ladder.model.roadmap.GoalStatus;
import ladder.model.roadmap.Roadmap;
import org.junit.jupiter.api.Test;

/** Rendering through the real Graphviz {@code dot}: colours, legend, cache, time limit, missing dot, no script. */
class SvgRendererTest {

    static final String SEED = """
            digraph {rankdir="LR";
            a[tooltip="First goal", status=done];
            b[tooltip="Second goal"];
            a -> b;
            }
            """;

    final SvgRenderer renderer = new SvgRenderer("dot", Duration.ofSeconds(5), 8);

    @Test
    void a_roadmap_renders_with_status_colours_legend_tooltips_and_its_rankdir() {
        Roadmap roadmap = RoadmapService.parse(SEED);
        String svg = renderer.render(DotExporter.forRendering(roadmap));

        assertThat(svg).contains("<svg", "class=\"node\"", "<title>a</title>", "<title>b</title>",
                "fill=\"green\"", "First goal", "Legend", "fill=\"chocolate\"", "fill=\"red\"");
        // rankdir=LR puts b to the right of a: dot writes the LR graph wider than tall
        assertThat(svg).containsPattern("<svg width=\"(\\d+)pt\" height=\"(\\d+)pt\"");
        assertThat(roadmap.graphAttributes().get("rankdir")).contains("LR");
    }

    @Test
    void an_unchanged_roadmap_is_served_from_the_cache_without_running_dot_again() {
        String dot = DotExporter.forRendering(RoadmapService.parse(SEED));
        String first = renderer.render(dot);
        long runs = renderer.dotRuns();
        String second = renderer.render(dot);

        assertThat(second).isEqualTo(first);
        assertThat(renderer.dotRuns()).isEqualTo(runs);

        Roadmap changed = RoadmapService.parse(SEED).withGoalChanged("b", g -> g.withStatus(GoalStatus.FAILED));
        renderer.render(DotExporter.forRendering(changed));
        assertThat(renderer.dotRuns()).isEqualTo(runs + 1);
    }

    @Test
    void the_same_or_an_equal_roadmap_is_answered_from_the_cache() {
        Roadmap roadmap = RoadmapService.parse(SEED);
        String first = renderer.render(roadmap);
        long runs = renderer.dotRuns();

        assertThat(renderer.render(roadmap)).isEqualTo(first);
        assertThat(renderer.render(RoadmapService.parse(SEED))).isEqualTo(first);
        assertThat(renderer.dotRuns()).isEqualTo(runs);
    }

    @Test
    void dot_is_stopped_when_it_exceeds_the_time_limit_and_the_failure_says_so() {
        // no dot process starts, reads and lays out a graph within 1 ms
        SvgRenderer tight = new SvgRenderer("dot", Duration.ofMillis(1), 8);
        assertThat(tight.isAvailable()).isTrue();

        assertThatThrownBy(() -> tight.render(DotExporter.forRendering(RoadmapService.parse(SEED))))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("took longer than 1 ms and was stopped");
        assertThat(tight.dotRuns()).isEqualTo(1);
    }

    @Test
    void a_missing_dot_is_reported_with_how_to_install_graphviz() {
        SvgRenderer missing = new SvgRenderer("/nonexistent/graphviz/dot", Duration.ofSeconds(5), 8);

        assertThat(missing.isAvailable()).isFalse();
        assertThat(missing.unavailableReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("Graphviz is not installed", "apt-get install graphviz"));
        assertThatThrownBy(() -> missing.render("digraph { a }"))
                .isInstanceOf(RenderException.class).hasMessageContaining("apt-get install graphviz");
        assertThat(missing.dotRuns()).isZero();
    }

    @Test
    void a_failure_of_dot_is_shown_with_its_own_message() {
        assertThatThrownBy(() -> renderer.render("digraph { a -> ; }"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("Graphviz dot failed").hasMessageContaining("syntax error");
    }

    @Test
    void svg_carrying_script_is_refused() {
        assertThatThrownBy(() -> SvgRenderer.checkNoScript("<svg><script>alert(1)</script></svg>"))
                .isInstanceOf(RenderException.class).hasMessageContaining("script");
        assertThatThrownBy(() -> SvgRenderer.checkNoScript("<svg><g onclick=\"alert(1)\"></g></svg>"))
                .isInstanceOf(RenderException.class).hasMessageContaining("onclick");
        assertThatThrownBy(() -> SvgRenderer.checkNoScript("<svg><a xlink:href=\"java&#x09;script:alert(1)\"></a></svg>"))
                .isInstanceOf(RenderException.class).hasMessageContaining("xlink:href");
        assertThatThrownBy(() -> SvgRenderer.checkNoScript("<svg><a href=\"data:text/html,x\"></a></svg>"))
                .isInstanceOf(RenderException.class);
        assertThatThrownBy(() -> SvgRenderer.checkNoScript("<svg><foreignObject></foreignObject></svg>"))
                .isInstanceOf(RenderException.class);
        // text that merely mentions these words is fine
        SvgRenderer.checkNoScript("<svg><title>online = yes</title><text x=\"1\">onboarding</text></svg>");
    }
}
