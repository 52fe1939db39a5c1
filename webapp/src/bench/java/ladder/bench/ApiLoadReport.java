package ladder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The answers of each step of {@link ApiLoadSimulation}: response times of the answers that passed their check
 * (an HdrHistogram, 1 µs to 1 min), the ones that did not, and the table of {@code docs/performance.md}: throughput
 * (answers that passed, per second from the step's first request sent to its last answer read), p50, p95 and p99, failures, and each step's throughput against
 * the health endpoint's at the same number of clients. Gatling's own HTML report is written beside it.
 */
final class ApiLoadReport {

    /** {@code first} and {@code last}: the step's first request sent and last answer read, in nanos. */
    private record Step(int clients, String call, String auth, Recorder times, LongAdder failed, AtomicLong first,
            AtomicLong last) {
        double seconds() {
            return (last.get() - first.get()) / 1e9;
        }
    }

    private final Map<String, Step> steps = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    /** Registers a step; its name is what {@link #ok} and {@link #failed} are called with. */
    synchronized String step(int clients, String call, String auth) {
        String name = "c" + clients + " | " + call + " | " + auth;
        steps.put(name, new Step(clients, call, auth, new Recorder(1, 60_000_000L, 3), new LongAdder(),
                new AtomicLong(Long.MAX_VALUE), new AtomicLong(Long.MIN_VALUE)));
        order.add(name);
        return name;
    }

    void ok(String name, long sentNanos, long readNanos) {
        Step step = span(name, sentNanos, readNanos);
        step.times().recordValue(Math.max(1, Math.min((readNanos - sentNanos) / 1000, 60_000_000L)));
    }

    void failed(String name, long sentNanos, long readNanos) {
        span(name, sentNanos, readNanos).failed().increment();
    }

    private Step span(String name, long sentNanos, long readNanos) {
        Step step = steps.get(name);
        step.first().accumulateAndGet(sentNanos, Math::min);
        step.last().accumulateAndGet(readNanos, Math::max);
        return step;
    }

    /** The table, printed and written to {@code out}. */
    String write(Path out, String header) throws IOException {
        Map<Integer, Double> health = new ConcurrentHashMap<>();
        Map<String, Histogram> histograms = new ConcurrentHashMap<>();
        for (String name : order) {
            Step step = steps.get(name);
            Histogram histogram = step.times().getIntervalHistogram();
            histograms.put(name, histogram);
            if (step.call().equals("health")) {
                health.put(step.clients(), histogram.getTotalCount() / step.seconds());
            }
        }
        StringBuilder table = new StringBuilder(header).append("\n\n")
                .append("| clients | call | auth | answers/s | vs health | p50 ms | p95 ms | p99 ms | failed |\n")
                .append("|---:|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (String name : order) {
            Step step = steps.get(name);
            Histogram h = histograms.get(name);
            double perSecond = h.getTotalCount() / step.seconds();
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %.1f | %.2f× | %.1f | %.1f | %.1f | %d |%n",
                    step.clients(), step.call(), step.auth(), perSecond,
                    perSecond / health.getOrDefault(step.clients(), Double.NaN),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, step.failed().sum()));
        }
        String report = table.toString();
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        return report;
    }
}
