package ladder.labs.check;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import ladder.model.lab.CheckType;
import tools.jackson.databind.JsonNode;

/**
 * {@code type: tempo-trace}: Tempo has a trace with a span of every named service: the one {@code trace-id} names
 * ({@code /api/traces/ID}), or one that Tempo's search finds for the first service within the lookback
 * ({@code /api/search}). Captures {@code traceId}.
 */
final class TempoTraceCheck implements CheckEvaluator {

    private final CheckType.TempoTrace check;

    TempoTraceCheck(CheckType.TempoTrace check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String base = context.session().url(check.tempo());
        String expected = "a trace in Tempo with spans of " + String.join(", ", check.services());
        try {
            if (check.traceId() != null) {
                String id = context.render(check.traceId());
                if (!id.matches("[0-9a-fA-F]{16,32}")) {
                    return Outcome.error("'" + id + "' is not a trace id", expected);
                }
                Set<String> services = services(context, base, id);
                return judge(id, services, expected);
            }
            Instant now = Instant.now();
            String search = base + "/api/search?limit=20&start=" + now.minus(check.lookback()).getEpochSecond() + "&end="
                    + now.getEpochSecond() + "&tags=" + URLEncoder.encode("service.name=" + check.services().getFirst(), StandardCharsets.UTF_8);
            JsonNode traces = context.getJson(search).path("traces");
            if (traces.isEmpty()) {
                return Outcome.fail("Tempo's search finds no trace of " + check.services().getFirst() + " in the last "
                        + check.lookback().toMinutes() + " min", expected);
            }
            Outcome last = null;
            for (JsonNode trace : traces) {
                String id = trace.path("traceID").asString("");
                last = judge(id, services(context, base, id), expected);
                if (last.status() == ladder.model.lab.CheckStatus.PASS) {
                    return last;
                }
            }
            return last;
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, base), expected);
        }
    }

    private Outcome judge(String id, Set<String> services, String expected) {
        List<String> missing = check.services().stream().filter(service -> !services.contains(service)).toList();
        String observed = services.isEmpty() ? "Tempo has no trace " + id
                : "trace " + id + " has spans of " + String.join(", ", services);
        Outcome outcome = missing.isEmpty() ? Outcome.pass(observed, expected)
                : Outcome.fail(observed + (services.isEmpty() ? "" : "; none of " + String.join(", ", missing)), expected);
        return outcome.capturing(Map.of("traceId", id));
    }

    /** The service names of a trace's spans (OTLP JSON: batches or resourceSpans, resource attribute service.name). */
    static Set<String> services(CheckContext context, String base, String id) throws IOException, InterruptedException {
        var response = context.send("GET", base + "/api/traces/" + id, null, Map.of("Accept", "application/json"));
        Set<String> services = new TreeSet<>();
        if (response.statusCode() == 404) {
            return services;
        }
        JsonNode trace = context.json(response, base + "/api/traces/" + id);
        JsonNode batches = trace.has("batches") ? trace.path("batches") : trace.path("resourceSpans");
        for (JsonNode batch : batches) {
            for (JsonNode attribute : batch.path("resource").path("attributes")) {
                if ("service.name".equals(attribute.path("key").asString(""))) {
                    services.add(attribute.path("value").path("stringValue").asString(""));
                }
            }
        }
        return services;
    }
}
