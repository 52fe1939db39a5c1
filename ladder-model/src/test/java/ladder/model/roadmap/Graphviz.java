package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real Graphviz {@code dot}, for tests that compare the importer with what Graphviz reads. */
final class Graphviz {
    private Graphviz() {
    }

    static boolean isInstalled() {
        return DotExporterTest.dotIsInstalled();
    }

    /** What {@code dot -Tplain} prints for the bytes given, as UTF-8 text. */
    static String plain(byte[] dot) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dot", "-Tplain").start();
        try (var in = p.getOutputStream()) {
            in.write(dot);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("dot failed: %s", errors).isZero();
        return out;
    }

    /** The node names of {@code dot -Tplain}'s output, in its order (names without blanks or quotes only). */
    static List<String> nodes(String plain) {
        var names = new ArrayList<String>();
        plain.lines().filter(l -> l.startsWith("node ")).forEach(l -> names.add(l.split(" ")[1]));
        return names;
    }

    /** The edges of {@code dot -Tplain}'s output as {@code tail->head}, one per drawn edge. */
    static List<String> edges(String plain) {
        var edges = new ArrayList<String>();
        plain.lines().filter(l -> l.startsWith("edge ")).forEach(l -> {
            String[] cells = l.split(" ");
            edges.add(cells[1] + "->" + cells[2]);
        });
        return edges;
    }

    /** The node labels of {@code dot -Tplain}'s output, in node order (labels without blanks only). */
    static List<String> labels(String plain) {
        var labels = new ArrayList<String>();
        plain.lines().filter(l -> l.startsWith("node ")).forEach(l -> labels.add(l.split(" ")[6]));
        return labels;
    }
}
