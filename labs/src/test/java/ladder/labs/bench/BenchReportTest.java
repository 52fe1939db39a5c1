package ladder.labs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import ladder.labs.bench.BenchReport.Spread;
import ladder.labs.bench.LabsBenchmark.Mode;
import ladder.labs.bench.LabsBenchmark.Run;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static Run run(Mode mode, long ready, long checks, String problem) {
        return new Run(mode, 1, ready, Map.of("prometheus", ready / 2), 10, checks, ready + checks,
                Map.of("up (promql)", checks), Map.of("up (promql)", 3), problem);
    }

    @Test
    void the_median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two_middle_ones() {
        assertThat(Spread.of(List.of(900L, 100L, 500L))).isEqualTo(new Spread(3, 500, 100, 900));
        assertThat(Spread.of(List.of(400L, 100L, 200L, 900L))).isEqualTo(new Spread(4, 300, 100, 900));
    }

    @Test
    void a_spread_reads_as_seconds_with_its_range_and_a_missing_one_as_a_dash() {
        assertThat(Spread.of(List.of(1380L, 1200L, 1510L)).text()).isEqualTo("1.38 s (1.20–1.51)");
        assertThat(Spread.of(List.of(250L)).text()).isEqualTo("0.25 s");
        assertThat(Spread.of(List.of()).text()).isEqualTo("–");
    }

    @Test
    void the_ratio_is_the_engine_median_over_the_by_hand_median() {
        assertThat(BenchReport.ratio(Spread.of(List.of(1500L)), Spread.of(List.of(1000L)))).isEqualTo("1.50×");
        assertThat(BenchReport.ratio(Spread.of(List.of(1500L)), Spread.of(List.of()))).isEqualTo("–");
    }

    @Test
    void runs_that_did_not_pass_are_left_out_of_the_figures_and_listed_in_the_notes() {
        List<Run> runs = List.of(
                run(Mode.ENGINE, 1000, 5000, null),
                run(Mode.ENGINE, 9000, 30000, "not passed: up"),
                run(Mode.HAND, 500, 4000, null));

        String markdown = BenchReport.markdown(Map.of("metrics", runs), List.of(), 2, Duration.ofMillis(50),
                "1.00 1.00 1.00", "2.00 2.00 2.00", Duration.ofSeconds(60), "2026-01-01T00:00:00");

        assertThat(markdown)
                .contains("| metrics | 1.00 s | 0.50 s | 2.00× | 5.00 s | 4.00 s | 1.25× | 1/2, 1/1 |")
                .contains("- did not pass (left out of the figures): metrics, engine, round 1: not passed: up")
                .contains("| metrics | up (promql) | 5.00 s | 3 |")
                .contains("| metrics | 1 | engine | 1.00 s | 0.50 s | 0.50 s | 0.01 s | 5.00 s | 6.00 s | yes |")
                .contains("| metrics | 1 | hand | 0.50 s | 0.25 s | 0.25 s | – | 4.00 s | 4.50 s | yes |");
    }

    @Test
    void docker_runs_are_set_against_the_process_runtime_in_a_table_of_their_own() {
        List<Run> runs = List.of(
                run(Mode.ENGINE, 1000, 5000, null),
                run(Mode.DOCKER, 2000, 5000, null),
                run(Mode.HAND, 500, 4000, null));

        String markdown = BenchReport.markdown(Map.of("metrics", runs), List.of(), 1, Duration.ofMillis(50),
                "1.00 1.00 1.00", "2.00 2.00 2.00", Duration.ofSeconds(60), "2026-01-01T00:00:00");

        assertThat(markdown)
                .contains("| metrics | 2.00 s | 1.00 s | 2.00× | 5.00 s | 5.00 s | 1.00× | 7.00 s | 6.00 s | 1.17× | 1/1 |")
                .contains("| metrics | 1 | docker | 2.00 s | 1.00 s | 1.00 s | 0.01 s | 5.00 s | 7.00 s | yes |");
    }

    @Test
    void without_docker_runs_there_is_no_docker_table() {
        String markdown = BenchReport.markdown(Map.of("metrics", List.of(run(Mode.ENGINE, 1000, 5000, null))), List.of(), 1,
                Duration.ofMillis(50), "1", "1", Duration.ofSeconds(1), "2026-01-01T00:00:00");

        assertThat(markdown).doesNotContain("docker start-to-ready");
    }

    @Test
    void the_benchmark_fails_when_a_lab_has_no_passing_run_in_a_mode_it_ran_in() {
        Run enginePassed = run(Mode.ENGINE, 1000, 5000, null);
        Run handPassed = run(Mode.HAND, 500, 4000, null);
        Run handFailed = run(Mode.HAND, 500, 60000, "by hand, up: not as expected within 60 s");

        assertThat(LabsBenchmark.everyModeMeasured(Map.of("metrics", List.of(enginePassed, handFailed, handPassed)))).isTrue();
        assertThat(LabsBenchmark.everyModeMeasured(Map.of("metrics", List.of(enginePassed, handFailed)))).isFalse();
        assertThat(LabsBenchmark.everyModeMeasured(Map.of("tracing", List.of(enginePassed)))).isTrue();
    }
}
