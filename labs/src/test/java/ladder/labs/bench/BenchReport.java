package ladder.labs.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import ladder.labs.bench.LabsBenchmark.Mode;
import ladder.labs.bench.LabsBenchmark.Run;

/** The benchmark's figures as Markdown: medians with their range, over the runs that passed. */
final class BenchReport {

    private BenchReport() {}

    /** Median, minimum and maximum of some milliseconds; empty when there are none. */
    record Spread(int count, long median, long min, long max) {
        static Spread of(List<Long> values) {
            if (values.isEmpty()) {
                return new Spread(0, 0, 0, 0);
            }
            List<Long> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Spread(n, median, sorted.getFirst(), sorted.getLast());
        }

        /** "1.38 s (1.20–1.51)", or "–" without values. */
        String text() {
            if (count == 0) {
                return "–";
            }
            return count == 1 ? seconds(median) : seconds(median) + " (" + plain(min) + "–" + plain(max) + ")";
        }
    }

    static String markdown(Map<String, List<Run>> runs, List<String> notes, int rounds, Duration handPoll,
            String loadBefore, String loadAfter, Duration took, String when) {
        StringBuilder md = new StringBuilder();
        md.append("# Labs benchmark\n\n");
        md.append(String.format(Locale.ROOT,
                "Run %s UTC, %d round%s per lab in alternating order (engine first in odd rounds), %d CPU cores, "
                        + "Java %s, load average (1, 5, 15 min) %s before and %s after; the whole run took %d s. "
                        + "By-hand polling every %d ms. Medians over the runs that passed, with min–max.%n%n",
                when, rounds, rounds == 1 ? "" : "s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadBefore, loadAfter, took.toSeconds(), handPoll.toMillis()));

        md.append("| lab | engine start-to-ready | by-hand start-to-ready | ratio | engine checks | by-hand checks | ratio | runs passed (engine, by hand) |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        runs.forEach((lab, list) -> {
            Spread engineReady = spread(list, Mode.ENGINE, Run::startToReadyMs);
            Spread handReady = spread(list, Mode.HAND, Run::startToReadyMs);
            Spread engineChecks = spread(list, Mode.ENGINE, Run::checksMs);
            Spread handChecks = spread(list, Mode.HAND, Run::checksMs);
            md.append("| ").append(lab)
                    .append(" | ").append(engineReady.text())
                    .append(" | ").append(handReady.text())
                    .append(" | ").append(ratio(engineReady, handReady))
                    .append(" | ").append(engineChecks.text())
                    .append(" | ").append(handChecks.text())
                    .append(" | ").append(ratio(engineChecks, handChecks))
                    .append(" | ").append(passed(list, Mode.ENGINE)).append(", ").append(passed(list, Mode.HAND))
                    .append(" |\n");
        });

        if (runs.values().stream().flatMap(List::stream).anyMatch(run -> run.mode() == Mode.DOCKER)) {
            md.append("\nThe engine on the Docker runtime (Ladder's images, one network per session) against the engine on "
                    + "the process runtime, in the same rounds; the images were built (or found up to date) before the first round, not measured.\n\n");
            md.append("| lab | docker start-to-ready | process start-to-ready | ratio | docker checks | process checks | ratio "
                    + "| docker total | process total | ratio | docker runs passed |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            runs.forEach((lab, list) -> {
                Spread dockerReady = spread(list, Mode.DOCKER, Run::startToReadyMs);
                Spread engineReady = spread(list, Mode.ENGINE, Run::startToReadyMs);
                Spread dockerChecks = spread(list, Mode.DOCKER, Run::checksMs);
                Spread engineChecks = spread(list, Mode.ENGINE, Run::checksMs);
                Spread dockerTotal = spread(list, Mode.DOCKER, Run::totalMs);
                Spread engineTotal = spread(list, Mode.ENGINE, Run::totalMs);
                md.append("| ").append(lab)
                        .append(" | ").append(dockerReady.text()).append(" | ").append(engineReady.text())
                        .append(" | ").append(ratio(dockerReady, engineReady))
                        .append(" | ").append(dockerChecks.text()).append(" | ").append(engineChecks.text())
                        .append(" | ").append(ratio(dockerChecks, engineChecks))
                        .append(" | ").append(dockerTotal.text()).append(" | ").append(engineTotal.text())
                        .append(" | ").append(ratio(dockerTotal, engineTotal))
                        .append(" | ").append(passed(list, Mode.DOCKER))
                        .append(" |\n");
            });
        }

        md.append("\nEngine only: applying the solution (copy, render, promtool/amtool, reload) and the whole run "
                + "(start, apply, checks; stopping not included), against the by-hand whole run (start and checks).\n\n");
        md.append("| lab | engine apply solution | engine total | by-hand total | ratio |\n");
        md.append("|---|---|---|---|---|\n");
        runs.forEach((lab, list) -> {
            Spread engineTotal = spread(list, Mode.ENGINE, Run::totalMs);
            Spread handTotal = spread(list, Mode.HAND, Run::totalMs);
            md.append("| ").append(lab)
                    .append(" | ").append(spread(list, Mode.ENGINE, Run::applyMs).text())
                    .append(" | ").append(engineTotal.text())
                    .append(" | ").append(handTotal.text())
                    .append(" | ").append(ratio(engineTotal, handTotal))
                    .append(" |\n");
        });

        md.append("\nEach component, from its launch to its readiness URL answering 200.\n\n");
        md.append("| lab | component | engine ready | by-hand ready | ratio |\n");
        md.append("|---|---|---|---|---|\n");
        runs.forEach((lab, list) -> {
            Set<String> components = new LinkedHashSet<>();
            list.forEach(run -> components.addAll(run.readyMs().keySet()));
            for (String component : components) {
                Spread engine = spread(list, Mode.ENGINE, run -> run.readyMs().getOrDefault(component, -1L));
                Spread hand = spread(list, Mode.HAND, run -> run.readyMs().getOrDefault(component, -1L));
                md.append("| ").append(lab).append(" | ").append(component)
                        .append(" | ").append(engine.text())
                        .append(" | ").append(hand.text())
                        .append(" | ").append(ratio(engine, hand))
                        .append(" |\n");
            }
        });

        md.append("\nEngine, each check (they run in parallel unless one `needs` another): duration, polling included, "
                + "and attempts (median).\n\n");
        md.append("| lab | check (type) | engine duration | attempts |\n");
        md.append("|---|---|---|---|\n");
        runs.forEach((lab, list) -> {
            for (String check : stepNames(list, Mode.ENGINE)) {
                md.append("| ").append(lab).append(" | ").append(check)
                        .append(" | ").append(spread(list, Mode.ENGINE, run -> run.stepMs().getOrDefault(check, -1L)).text())
                        .append(" | ").append(spread(list, Mode.ENGINE, run -> run.attempts().getOrDefault(check, -1)).median())
                        .append(" |\n");
            }
        });

        md.append("\nBy hand, each step of the checks' equivalent (one after the other).\n\n");
        md.append("| lab | by-hand step | duration |\n");
        md.append("|---|---|---|\n");
        runs.forEach((lab, list) -> {
            for (String step : stepNames(list, Mode.HAND)) {
                md.append("| ").append(lab).append(" | ").append(step.replace("|", "\\|"))
                        .append(" | ").append(spread(list, Mode.HAND, run -> run.stepMs().getOrDefault(step, -1L)).text())
                        .append(" |\n");
            }
        });

        md.append("\nEvery run, in the order run. Preparation = start-to-ready minus the slowest component's ready time: "
                + "the session folder, ports, copying and rendering the files, launching the processes one after the other.\n\n");
        md.append("| lab | round | mode | start-to-ready | slowest component | preparation | apply | checks | total | passed |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        runs.forEach((lab, list) -> list.forEach(run -> {
            long slowest = run.readyMs().values().stream().mapToLong(Long::longValue).max().orElse(0);
            md.append("| ").append(lab).append(" | ").append(run.round())
                    .append(" | ").append(run.mode().name().toLowerCase(Locale.ROOT))
                    .append(" | ").append(seconds(run.startToReadyMs()))
                    .append(" | ").append(seconds(slowest))
                    .append(" | ").append(seconds(run.startToReadyMs() - slowest))
                    .append(" | ").append(run.mode() != Mode.HAND ? seconds(run.applyMs()) : "–")
                    .append(" | ").append(seconds(run.checksMs()))
                    .append(" | ").append(seconds(run.totalMs()))
                    .append(" | ").append(run.passed() ? "yes" : "no")
                    .append(" |\n");
        }));

        List<String> problems = new ArrayList<>();
        runs.forEach((lab, list) -> list.stream().filter(run -> !run.passed()).forEach(run -> problems.add(
                lab + ", " + run.mode().name().toLowerCase(Locale.ROOT) + ", round " + run.round() + ": " + run.problem())));
        if (!problems.isEmpty() || !notes.isEmpty()) {
            md.append("\nNotes:\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
            problems.forEach(problem -> md.append("- did not pass (left out of the figures): ").append(problem.replace('\n', ' ')).append('\n'));
        }
        return md.toString();
    }

    private static Set<String> stepNames(List<Run> runs, Mode mode) {
        Set<String> names = new LinkedHashSet<>();
        runs.stream().filter(run -> run.mode() == mode && run.passed()).forEach(run -> names.addAll(run.stepMs().keySet()));
        return names;
    }

    static Spread spread(List<Run> runs, Mode mode, ToLongFunction<Run> value) {
        return Spread.of(runs.stream()
                .filter(run -> run.mode() == mode && run.passed())
                .map(run -> value.applyAsLong(run))
                .filter(ms -> ms >= 0)
                .toList());
    }

    /** Engine median over by-hand median, "1.12×"; "–" when one is missing. */
    static String ratio(Spread engine, Spread hand) {
        if (engine.count() == 0 || hand.count() == 0 || hand.median() == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", (double) engine.median() / hand.median());
    }

    private static String passed(List<Run> runs, Mode mode) {
        long all = runs.stream().filter(run -> run.mode() == mode).count();
        if (all == 0) {
            return "–";
        }
        return runs.stream().filter(run -> run.mode() == mode && run.passed()).count() + "/" + all;
    }

    private static String seconds(long ms) {
        return plain(ms) + " s";
    }

    private static String plain(long ms) {
        return String.format(Locale.ROOT, "%.2f", ms / 1000.0);
    }
}
