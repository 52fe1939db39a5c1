package ladder.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The alert rules in {@code deploy/prometheus/} are valid ({@code promtool check rules}) and each fires and
 * stays silent as its unit tests say ({@code promtool test rules}), with Debian's real promtool.
 */
class AlertRulesTest {

    static final Path RULES = Path.of("..", "deploy", "prometheus");

    @Test
    void the_alert_rules_are_valid_and_pass_their_unit_tests() throws Exception {
        String promtool = promtool();
        assertThat(run(promtool, "check", "rules", "ladder-alerts.yml")).contains("SUCCESS: 7 rules found");
        assertThat(run(promtool, "test", "rules", "ladder-alerts.test.yml")).contains("SUCCESS");
    }

    private static String promtool() {
        for (String candidate : new String[] {"/usr/bin/promtool", "/usr/local/bin/promtool"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        String reason = "SKIPPED: promtool is not installed (apt-get install prometheus; .ci/run does)";
        System.err.println("[ladder] AlertRulesTest: " + reason);
        Assumptions.abort(reason);
        throw new IllegalStateException(reason);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
