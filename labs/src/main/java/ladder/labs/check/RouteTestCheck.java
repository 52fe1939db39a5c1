package ladder.labs.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import ladder.model.lab.CheckType;
import tools.jackson.databind.JsonNode;

/**
 * {@code type: route-test}: the routing tree Alertmanager has loaded (the configuration its {@code /api/v2/status}
 * reports) sends an alert with these labels to a receiver, or not to it, as {@code amtool config routes test}
 * resolves it. Judges the tree, not its text: matchers, {@code match:}, nesting and {@code continue} all count.
 */
final class RouteTestCheck implements CheckEvaluator {

    /** Debian's amtool; {@code -Dladder.labs.amtool=PATH} for another. */
    private static final Path AMTOOL = Path.of(System.getProperty("ladder.labs.amtool", "/usr/bin/amtool"));

    private final CheckType.RouteTest check;

    RouteTestCheck(CheckType.RouteTest check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        Map<String, String> labels = new TreeMap<>(check.labels());
        String expected = "an alert with " + labels + (check.receiver() != null
                ? " is routed to the receiver `" + check.receiver() + "`"
                : " is not routed to the receiver `" + check.notReceiver() + "`");
        String base = context.session().url(check.alertmanager());
        String config;
        try {
            JsonNode status = context.getJson(base + "/api/v2/status");
            config = status.path("config").path("original").asString("");
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, base), expected);
        }
        if (config.isBlank()) {
            return Outcome.error("Alertmanager reported no loaded configuration", expected);
        }
        List<String> receivers;
        Path file = null;
        try {
            file = Files.createTempFile("ladder-routes-", ".yml");
            Files.writeString(file, config, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of(AMTOOL.toString(), "config", "routes", "test",
                    "--config.file=" + file));
            labels.forEach((key, value) -> command.add(key + "=" + value));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output;
            try (var in = process.getInputStream()) {
                output = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Outcome.error("amtool config routes test did not finish in 10 s", expected);
            }
            if (process.exitValue() != 0) {
                return Outcome.error("amtool config routes test exited " + process.exitValue() + ": " + output, expected);
            }
            receivers = Arrays.stream(output.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
        } catch (IOException e) {
            return Outcome.error("cannot run " + AMTOOL + ": " + e.getMessage(), expected);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
        String observed = "Alertmanager's routing tree sends an alert with " + labels + " to "
                + (receivers.isEmpty() ? "no receiver" : String.join(", ", receivers));
        boolean pass = check.receiver() != null ? receivers.contains(check.receiver()) : !receivers.contains(check.notReceiver());
        return pass ? Outcome.pass(observed, expected) : Outcome.fail(observed, expected);
    }
}
