package ladder.webapp.roadmap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import ladder.model.roadmap.Attributes;
import ladder.model.roadmap.DotExporter;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.GoalStatus;
import ladder.model.roadmap.Roadmap;
import org.springframework.cache.caffeine.CaffeineCacheManager;

/**
 * Benchmark, not a test (run with {@code ./ladder bench}, i.e. {@code ./mvnw -B -Pbench verify}): the
 * app's SVG render of generated 10-, 200- and 1,000-goal roadmaps against plain {@code dot -Tsvg} on the
 * same DOT in the same run, uncached and cached, and the DOT import of a 2,000-goal file. Prints medians
 * and ratios as a Markdown table and writes it to {@code target/bench/roadmap-rendering.md}.
 */
public final class RoadmapRenderBenchmark {

    private RoadmapRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // dot's own limit stays 5 s in the app; the benchmark allows more so a slow machine still gives figures
        DotRunner graphviz = new DotRunner("dot", Duration.ofSeconds(60));
        RoadmapRenderer renderer = new RoadmapRenderer(graphviz, new CaffeineCacheManager(RoadmapRenderer.CACHE));
        if (!graphviz.isAvailable()) {
            throw new IllegalStateException(graphviz.unavailableReason().orElse("dot is missing"));
        }
        StringBuilder table = new StringBuilder();
        table.append("| goals | dependencies | `dot -Tsvg` median | app uncached median | ratio | app cached (same id and version) "
                + "| runs |\n");
        table.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int[] size : new int[][] {{10, 15}, {200, 9}, {1000, 5}}) {
            Roadmap roadmap = generate(size[0], 42);
            String dot = DotExporter.forRendering(roadmap);
            Path file = Files.createTempFile("bench-", ".gv");
            Files.writeString(file, dot);
            // warm up both paths once (JIT, page cache)
            reference(file);
            renderer.svg(roadmap);
            int runs = size[1];
            long[] plain = new long[runs];
            long[] app = new long[runs];
            for (int i = 0; i < runs; i++) { // interleaved, so machine noise hits both alike
                long t0 = System.nanoTime();
                reference(file);
                plain[i] = System.nanoTime() - t0;
                long t1 = System.nanoTime();
                renderer.svg(roadmap);
                app[i] = System.nanoTime() - t1;
            }
            RoadmapKey key = new RoadmapKey(size[0], 1);
            renderer.svg(key, roadmap);
            long dotRunsBefore = graphviz.runs();
            int cachedRuns = 200;
            long[] hit = new long[cachedRuns];
            for (int i = 0; i < cachedRuns; i++) {
                long t = System.nanoTime();
                renderer.svg(key, roadmap);
                hit[i] = System.nanoTime() - t;
            }
            if (graphviz.runs() != dotRunsBefore) {
                throw new IllegalStateException("the cache missed");
            }
            double plainMs = median(plain);
            double appMs = median(app);
            table.append(String.format(Locale.ROOT, "| %d | %d | %.1f ms | %.1f ms | %.2f× | %.3f ms | %d (cached: %d) |%n",
                    roadmap.goals().size(), roadmap.dependencies().size(), plainMs, appMs, appMs / plainMs,
                    median(hit), runs, cachedRuns));
            Files.delete(file);
        }

        Roadmap large = generate(2000, 7);
        String largeDot = DotExporter.export(large);
        for (int i = 0; i < 3; i++) {
            RoadmapService.parse(largeDot); // warm-up
        }
        long[] imports = new long[15];
        for (int i = 0; i < imports.length; i++) {
            long t = System.nanoTime();
            RoadmapService.parse(largeDot);
            imports[i] = System.nanoTime() - t;
        }
        table.append(String.format(Locale.ROOT, "%nDOT import (`DotImporter.parse`) of a %d-goal, %d-dependency file "
                + "(%d KiB): median %.1f ms over %d runs.%n", large.goals().size(), large.dependencies().size(),
                largeDot.getBytes(StandardCharsets.UTF_8).length / 1024, median(imports), imports.length));

        String result = table.toString();
        System.out.println();
        System.out.println("Roadmap rendering (" + dotVersion() + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, Java " + System.getProperty("java.version") + ")");
        System.out.println(result);
        Path out = Path.of(System.getProperty("bench.out", "target/bench"), "roadmap-rendering.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
    }

    /** A layered DAG like a real roadmap: each goal depends on one to three earlier goals nearby. */
    static Roadmap generate(int goals, long seed) {
        Random random = new Random(seed);
        GoalStatus[] statuses = GoalStatus.values();
        Roadmap.Builder builder = Roadmap.builder().graphAttributes(Attributes.of(Map.of("rankdir", "TB")));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < goals; i++) {
            String id = "goal_" + i;
            ids.add(id);
            builder.goal(new Goal(id, "Goal number " + i, "What goal " + i + " means, in one sentence of text.",
                    statuses[random.nextInt(statuses.length)], List.of("@person" + random.nextInt(12)), Attributes.empty()));
        }
        for (int i = 1; i < goals; i++) {
            int prerequisites = 1 + random.nextInt(Math.min(3, i));
            for (int p = 0; p < prerequisites; p++) {
                int from = Math.max(0, i - 1 - random.nextInt(Math.min(i, 25)));
                builder.dependency(ids.get(from), ids.get(i));
            }
        }
        return builder.build();
    }

    private static void reference(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("dot", "-Tsvg", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] svg = readAll(process.getInputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || svg.length == 0) {
            throw new IllegalStateException("dot -Tsvg failed on " + file);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static String dotVersion() throws IOException {
        Process process = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
        return new String(readAll(process.getInputStream()), StandardCharsets.UTF_8).strip();
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double middle = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return middle / 1_000_000.0;
    }
}
