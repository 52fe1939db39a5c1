package ladder.labs.check;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ladder.model.lab.CheckType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code type: exemplar-trace}: a metric links to a trace. Prometheus's exemplars of the query's series within the
 * lookback ({@code /api/v1/query_exemplars}), newest first, are followed by their {@code trace_id} into Tempo
 * ({@code /api/traces/ID}); the check passes at the first trace Tempo has, and captures its id. It fails saying which
 * half is missing: no exemplars at all (exemplar storage off, or a scrape without exemplars), exemplars without a
 * trace id, or trace ids that Tempo does not have (traces not sent there).
 */
final class ExemplarTraceCheck implements CheckEvaluator {

    /** At most this many trace ids are looked up per attempt (the newest), so an attempt stays short. */
    static final int LOOKUPS = 5;

    private final CheckType.ExemplarTrace check;

    ExemplarTraceCheck(CheckType.ExemplarTrace check) {
        this.check = check;
    }

    /** One exemplar as Prometheus answers it: the series' labels, its trace id (null when it has none), value and time. */
    record Exemplar(Map<String, String> series, @Nullable String traceId, double value, double timestamp) { }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String query = context.render(check.query());
        String expected = "an exemplar of `" + query + "` within the last " + check.lookback().toSeconds()
                + " s carries a trace id that Tempo has";
        Instant now = Instant.now();
        String prometheus = context.session().url(check.prometheus());
        JsonNode answer;
        try {
            answer = context.getJson(prometheus + "/api/v1/query_exemplars?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                    + "&start=" + now.minus(check.lookback()).getEpochSecond() + "&end=" + now.getEpochSecond());
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, prometheus), expected);
        }
        if (!"success".equals(answer.path("status").asString(""))) {
            return Outcome.error("Prometheus refused the query: " + answer.path("error").asString(answer.toString()), expected);
        }
        List<Exemplar> exemplars = exemplars(answer);
        if (exemplars.isEmpty()) {
            return Outcome.fail("Prometheus keeps no exemplars for `" + query + "` in the last " + check.lookback().toSeconds()
                    + " s", expected);
        }
        Set<String> traceIds = new LinkedHashSet<>();
        exemplars.stream().filter(exemplar -> exemplar.traceId() != null).forEach(exemplar -> traceIds.add(exemplar.traceId()));
        if (traceIds.isEmpty()) {
            return Outcome.fail(exemplars.size() + " exemplars, none with a trace_id label (labels: "
                    + exemplars.getFirst().series() + ")", expected);
        }
        String tempo = context.session().url(check.tempo());
        List<String> looked = new ArrayList<>();
        try {
            for (String id : traceIds) {
                if (looked.size() == LOOKUPS) {
                    break;
                }
                looked.add(id);
                Set<String> services = TempoTraceCheck.services(context, tempo, id);
                if (!services.isEmpty()) {
                    Exemplar exemplar = exemplars.stream().filter(e -> id.equals(e.traceId())).findFirst().orElseThrow();
                    return Outcome.pass("the exemplar of " + exemplar.series().getOrDefault("__name__", "the series")
                                    + " at " + exemplar.value() + " carries trace " + id + ", which Tempo has (spans of "
                                    + String.join(", ", services) + ")", expected)
                            .capturing(Map.of("traceId", id));
                }
            }
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, tempo), expected);
        }
        return Outcome.fail(exemplars.size() + " exemplars carry " + traceIds.size() + " trace ids; Tempo has none of the newest "
                + looked.size() + " (" + String.join(", ", looked) + ")", expected);
    }

    /**
     * The exemplars of a {@code query_exemplars} answer, newest first; the trace id is the {@code trace_id} label (as
     * the OpenTelemetry Collector's Prometheus exporter and the Java clients write it), or {@code traceID}/{@code traceId}.
     */
    static List<Exemplar> exemplars(JsonNode answer) {
        List<Exemplar> exemplars = new ArrayList<>();
        for (JsonNode series : answer.path("data")) {
            Map<String, String> seriesLabels = new java.util.TreeMap<>();
            series.path("seriesLabels").properties().forEach(label -> seriesLabels.put(label.getKey(), label.getValue().asString("")));
            for (JsonNode exemplar : series.path("exemplars")) {
                JsonNode labels = exemplar.path("labels");
                @Nullable String traceId = null;
                for (String name : List.of("trace_id", "traceID", "traceId")) {
                    String value = labels.path(name).asString("");
                    if (value.matches("[0-9a-fA-F]{16,32}")) {
                        traceId = value.toLowerCase(java.util.Locale.ROOT);
                        break;
                    }
                }
                exemplars.add(new Exemplar(seriesLabels, traceId, number(exemplar.path("value")), number(exemplar.path("timestamp"))));
            }
        }
        exemplars.sort(Comparator.comparingDouble(Exemplar::timestamp).reversed());
        return exemplars;
    }

    private static double number(JsonNode node) {
        try {
            return node.isNumber() ? node.asDouble() : Double.parseDouble(node.asString("NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
