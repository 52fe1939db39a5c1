package ladder.labs.check;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import ladder.model.lab.CheckType;
import tools.jackson.databind.JsonNode;

/** {@code type: trace}: Zipkin holds one trace with a span of every listed service; captures {@code traceId}. */
final class TraceCheck implements CheckEvaluator {

    private final CheckType.TracePresent check;

    TraceCheck(CheckType.TracePresent check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        long notBeforeMicros = check.fresh() == null ? Long.MIN_VALUE
                : context.started().plus(check.fresh()).toEpochMilli() * 1000;
        String expected = "one trace with spans of " + String.join(", ", check.services())
                + (check.fresh() == null ? " in the last " + check.lookback().toMinutes() + " min"
                : ", begun since this check started");
        String base = context.session().url(check.zipkin());
        String first = check.services().getFirst();
        String url = base + "/api/v2/traces?serviceName=" + URLEncoder.encode(first, StandardCharsets.UTF_8)
                + "&lookback=" + check.lookback().toMillis() + "&limit=100";
        JsonNode traces;
        try {
            traces = context.getJson(url);
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, base), expected);
        }
        Set<String> best = Set.of();
        int count = 0;
        int older = 0;
        for (JsonNode trace : traces) {
            Set<String> services = new LinkedHashSet<>();
            String traceId = "";
            long begun = Long.MAX_VALUE;
            for (JsonNode span : trace) {
                traceId = span.path("traceId").asString(traceId);
                begun = Math.min(begun, span.path("timestamp").asLong(Long.MAX_VALUE));
                addService(services, span.path("localEndpoint"));
            }
            if (begun < notBeforeMicros) {
                older++;
                continue;
            }
            count++;
            if (services.containsAll(check.services().stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList())) {
                return Outcome.pass("trace " + traceId + " has spans of " + String.join(", ", services), expected)
                        .capturing(Map.of("traceId", traceId));
            }
            if (services.size() > best.size()) {
                best = services;
            }
        }
        if (count == 0) {
            return Outcome.fail("no trace of service `" + first + "` in Zipkin" + (older == 0 ? ""
                    : " since the check started (" + older + " older ones, from before)"), expected);
        }
        return Outcome.fail(count + " traces of `" + first + "`; the widest has spans of " + String.join(", ", best), expected);
    }

    private static void addService(Set<String> services, JsonNode endpoint) {
        String name = endpoint.path("serviceName").asString("");
        if (!name.isEmpty()) {
            services.add(name.toLowerCase(java.util.Locale.ROOT)); // Zipkin stores service names in lower case
        }
    }
}
