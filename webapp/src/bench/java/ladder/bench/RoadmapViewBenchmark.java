package ladder.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import ladder.webapp.support.Browser;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The roadmap view with a large graph, in headless Chromium (the tests' {@link Browser}) against the packaged jar:
 * the time from navigation to the graph shown (every goal's node in the page), for a 1,000-goal roadmap seen for
 * the first time (drawn by {@code dot} then) and again (from the cache), against the bundled 9-goal team roadmap
 * in the same run and, for the first view, against plain {@code dot -Tsvg} of the same DOT; then a zoom step
 * (button pressed to the SVG at its new width: the server's answer and the browser's layout) and a pan (a scroll
 * of the box to the frame after next) on both graphs. Medians of {@code bench.view.rounds} (default 5), written to
 * {@code target/bench/roadmap-view.md}. Times in the page are {@code performance.now()}: from the navigation's
 * start to the poll (every 10 ms) that found the nodes.
 */
public final class RoadmapViewBenchmark {

    static final int GOALS = 1000;
    static final String NODES = "return document.querySelectorAll('#roadmap-graph svg g.node').length";
    static final String WIDTH = "const svg = document.querySelector('#roadmap-graph svg');"
            + "return svg ? svg.getBoundingClientRect().width : -1";
    static final String PAN = """
            const done = arguments[arguments.length - 1];
            const box = document.getElementById('roadmap-graph');
            const before = box.scrollLeft + box.scrollTop, start = performance.now();
            box.scrollLeft += 150; box.scrollTop += 100;
            requestAnimationFrame(() => requestAnimationFrame(() =>
                done(box.scrollLeft + box.scrollTop === before ? -1 : performance.now() - start)));""";

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.view.rounds", 5);
        if (!new java.io.File("/usr/bin/chromium").canExecute() || !new java.io.File("/usr/bin/chromedriver").canExecute()) {
            System.out.println("[ladder] SKIPPED: the roadmap view benchmark needs Debian's chromium and chromium-driver");
            return;
        }
        String dot = ApiLoadSimulation.layered(GOALS, 42);
        Path dotFile = Files.createTempFile("ladder-bench-1000-", ".gv");
        Files.writeString(dotFile, dot);
        try (BenchApp app = BenchApp.start("roadmap-view-app.log", "-Xmx768m")) {
            String admin = BenchApp.basic("admin", BenchApp.ADMIN_PASSWORD);
            app.account(admin, "viewer", "[\"LEARNER\",\"MENTOR\"]");
            String viewer = BenchApp.basic("viewer", BenchApp.PASSWORD);
            long team = Long.parseLong(BenchApp.field(app.send(viewer, "GET", "/api/roadmaps", null).body(),
                    "\"id\":([0-9]+),\"name\":\"Team roadmap\""));
            int teamNodes = -1;
            List<Double> firstView = new ArrayList<>(), againView = new ArrayList<>(), teamView = new ArrayList<>();
            List<Double> dotTimes = new ArrayList<>(), largeZoom = new ArrayList<>(), teamZoom = new ArrayList<>();
            List<Double> largePan = new ArrayList<>(), teamPan = new ArrayList<>();
            long svgBytes = 0;
            Browser browser = Browser.open(app.port);
            try {
                browser.signIn("viewer", BenchApp.PASSWORD);
                show(browser, app.port, team, 1); // warms the view's classes up, not measured
                for (int round = 0; round < rounds; round++) {
                    long large = app.roadmap(viewer, "bench-1000-" + round, dot); // a new id: not drawn yet
                    firstView.add(show(browser, app.port, large, GOALS));
                    againView.add(show(browser, app.port, large, GOALS));
                    largeZoom.add(zoomIn(browser));
                    largePan.add(pan(browser));
                    if (round == 0) {
                        svgBytes = app.send(viewer, "GET", "/api/roadmaps/" + large + "/export/svg", null).body()
                                .getBytes(StandardCharsets.UTF_8).length;
                    }
                    teamView.add(show(browser, app.port, team, 1));
                    teamNodes = ((Number) browser.script(NODES)).intValue();
                    teamZoom.add(zoomIn(browser));
                    teamPan.add(pan(browser));
                    dotTimes.add(dotSvg(dotFile));
                }
            } finally {
                browser.close();
            }
            String load = Files.readString(Path.of("/proc/loadavg")).strip();
            StringBuilder table = new StringBuilder("The roadmap view in headless Chromium (" + Runtime.getRuntime()
                    .availableProcessors() + " CPUs, load average at the end " + load + "), medians of " + rounds
                    + " rounds; the 1,000-goal SVG is " + svgBytes / 1024 + " KiB, the team roadmap has " + teamNodes
                    + " nodes with the legend's\n\n| what | 1,000 goals | reference | reference is | ratio |\n"
                    + "|---|---:|---:|---|---:|\n");
            row(table, "navigation → graph shown, first view (drawn now)", firstView, dotTimes, "`dot -Tsvg` of the same DOT");
            row(table, "navigation → graph shown, again (cached SVG)", againView, teamView, "the same for the 9-goal team roadmap");
            row(table, "zoom step (100 → 150 %): button → SVG at its new width", largeZoom, teamZoom, "the same on the team roadmap");
            row(table, "pan (scroll of the box) → the frame after next", largePan, teamPan, "the same on the team roadmap");
            System.out.println(table);
            Files.writeString(app.out.resolve("roadmap-view.md"), table);
        } finally {
            Files.deleteIfExists(dotFile);
        }
    }

    /** Navigates to the roadmap and returns the ms from the navigation's start to all its nodes in the page. */
    static double show(Browser browser, int port, long id, int nodes) throws InterruptedException {
        browser.driver().get("http://localhost:" + port + "/roadmap?id=" + id);
        return poll(() -> {
            Object found = browser.script("return document.querySelectorAll('#roadmap-graph svg g.node').length >= "
                    + "arguments[0] ? performance.now() : -1", nodes);
            return ((Number) found).doubleValue();
        }, 120);
    }

    /** Presses zoom in once (from 100 %) and returns the ms until the SVG has its new width. */
    static double zoomIn(Browser browser) throws InterruptedException {
        double before = ((Number) browser.script(WIDTH)).doubleValue();
        long start = System.nanoTime();
        browser.script("document.getElementById('roadmap-zoom-in').click()");
        poll(() -> ((Number) browser.script(WIDTH)).doubleValue() > before * 1.4 ? 0 : -1, 30);
        return (System.nanoTime() - start) / 1e6;
    }

    static double pan(Browser browser) {
        Object took = ((JavascriptExecutor) browser.driver()).executeAsyncScript(PAN);
        double ms = ((Number) took).doubleValue();
        if (ms < 0) {
            throw new IllegalStateException("the graph's box did not scroll: nothing to pan");
        }
        return ms;
    }

    private static double poll(DoubleSupplier found, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            double value = found.getAsDouble();
            if (value >= 0) {
                return value;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not shown within " + seconds + " s");
    }

    private static double dotSvg(Path file) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder("dot", "-Tsvg", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] svg = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || svg.length == 0) {
            throw new IllegalStateException("dot -Tsvg failed on " + file);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void row(StringBuilder table, String what, List<Double> measured, List<Double> reference,
            String referenceIs) {
        double m = median(measured), r = median(reference);
        table.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %s | %.2f× |%n", what, m, r, referenceIs, m / r));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
