package ladder.webapp.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import ladder.model.roadmap.DotExporter;
import ladder.model.roadmap.GoalStatus;
import ladder.model.roadmap.Roadmap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.cache.caffeine.CaffeineCacheManager;

/**
 * Rendering through the real Graphviz {@code dot}: colours, legend, the cache by roadmap id and version,
 * time limit, missing dot, a crash without Graphviz's internals, and SVG without links.
 */
class RoadmapRenderingTest {

    static final String SEED = """
            digraph {rankdir="LR";
            a[tooltip="First goal", status=done, URL="https://example.org/a"];
            b[tooltip="Second goal"];
            a -> b;
            }
            """;

    final DotRunner dot = new DotRunner("dot", Duration.ofSeconds(5));
    final RoadmapRenderer renderer = new RoadmapRenderer(dot, new CaffeineCacheManager(RoadmapRenderer.CACHE));

    @Test
    void a_roadmap_renders_with_status_colours_legend_tooltips_and_its_rankdir_but_no_links() {
        Roadmap roadmap = RoadmapService.parse(SEED);
        String svg = renderer.svg(roadmap);

        assertThat(svg).startsWith("<svg").contains("class=\"node\"", "<title>a</title>", "<title>b</title>",
                "fill=\"green\"", "Legend", "fill=\"chocolate\"", "fill=\"red\"");
        assertThat(svg).doesNotContain("<a ", "href", "example.org", "<!DOCTYPE", "<!--");
        // rankdir=LR puts b to the right of a: dot writes the LR graph wider than tall
        assertThat(svg).containsPattern("<svg [^>]*width=\"(\\d+)pt\" height=\"(\\d+)pt\"");
    }

    @Test
    void a_stored_roadmap_is_drawn_once_per_version() {
        Roadmap roadmap = RoadmapService.parse(SEED);
        String first = renderer.svg(new RoadmapKey(7, 1), roadmap);
        long runs = dot.runs();

        assertThat(renderer.svg(new RoadmapKey(7, 1), roadmap)).isEqualTo(first);
        assertThat(dot.runs()).isEqualTo(runs);

        Roadmap changed = roadmap.withGoalChanged("b", g -> g.withStatus(GoalStatus.FAILED));
        assertThat(renderer.svg(new RoadmapKey(7, 2), changed)).isNotEqualTo(first);
        assertThat(dot.runs()).isEqualTo(runs + 1);
        assertThat(renderer.svg(new RoadmapKey(8, 1), roadmap)).as("another roadmap").isEqualTo(first);
        assertThat(dot.runs()).isEqualTo(runs + 2);
    }

    @Test
    void dot_is_stopped_when_it_exceeds_the_time_limit_and_the_failure_says_so() {
        // no dot process starts, reads and lays out a graph within 1 ms
        DotRunner tight = new DotRunner("dot", Duration.ofMillis(1));
        assertThat(tight.isAvailable()).isTrue();

        assertThatThrownBy(() -> tight.toSvg(DotExporter.forRendering(RoadmapService.parse(SEED))))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("took longer than 1 ms and was stopped")
                .satisfies(e -> assertThat(((RenderException) e).unavailable()).isTrue());
        assertThat(tight.runs()).isEqualTo(1);
    }

    @Test
    void a_missing_dot_is_reported_with_how_to_install_graphviz() {
        DotRunner missing = new DotRunner("/nonexistent/graphviz/dot", Duration.ofSeconds(5));

        assertThat(missing.isAvailable()).isFalse();
        assertThat(missing.unavailableReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("Graphviz is not installed", "apt-get install graphviz"));
        assertThatThrownBy(() -> missing.toSvg("digraph { a }"))
                .isInstanceOf(RenderException.class).hasMessageContaining("apt-get install graphviz");
        assertThat(missing.runs()).isZero();
    }

    @Test
    void a_failure_of_dot_says_what_to_do_without_graphvizs_internals(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> dot.toSvg("digraph { a -> ; }"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("Graphviz could not draw this roadmap").hasMessageContaining("exit code 1")
                .hasMessageNotContaining("syntax error").hasMessageNotContaining("stdin")
                .satisfies(e -> assertThat(((RenderException) e).unavailable()).isFalse());

        // a dot that crashes the way Graphviz does on an assertion: internals on stderr, then SIGABRT
        Path crashing = dir.resolve("dot");
        Files.writeString(crashing, """
                #!/bin/sh
                [ "$1" = "-V" ] && exit 0
                cat >/dev/null
                echo "dot: lib/common/splines.c:421: clip_and_install: Assertion 'cl' failed." >&2
                kill -ABRT $$
                """);
        assertThat(crashing.toFile().setExecutable(true)).isTrue();
        DotRunner crashes = new DotRunner(crashing.toString(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> crashes.toSvg("digraph { a }"))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("crashed with signal 6").hasMessageContaining("downloads still work")
                .hasMessageNotContaining("splines.c").hasMessageNotContaining("Assertion");
    }
}
