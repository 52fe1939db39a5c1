package ladder.labs.check;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.model.lab.CheckType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code type: logql}: a LogQL query over the last {@code lookback} in Loki. A log query's lines are judged like
 * series of value 1 ({@code count >= 1}: at least one line), a metric query's series by their last value. The first
 * line that names a trace id captures it as {@code traceId}, for a check that follows it into Tempo: in its text
 * ({@code traceId=…}), or, for logs that came over OTLP, in the {@code trace_id} that Loki keeps as the line's
 * structured metadata (shown among the stream's labels, or apart with Loki's {@code categorize-labels} encoding).
 */
final class LogQlCheck implements CheckEvaluator {

    static final Pattern TRACE_ID = Pattern.compile("(?i)trace[_-]?id[\"']?\\s*[=:]\\s*[\"']?([0-9a-f]{16,32})");

    private final CheckType.LogQl check;

    LogQlCheck(CheckType.LogQl check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String query = context.render(check.query());
        String expected = check.condition().describe() + " for the LogQL `" + query + "` over the last "
                + check.lookback().toSeconds() + " s";
        Instant now = Instant.now();
        String base = context.session().url(check.loki());
        String url = base + "/loki/api/v1/query_range?limit=1000&direction=backward&query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&start=" + nanos(now.minus(check.lookback())) + "&end=" + nanos(now);
        JsonNode answer;
        try {
            answer = context.getJson(url);
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, base), expected);
        }
        if (!"success".equals(answer.path("status").asString(""))) {
            return Outcome.error("Loki refused the query: " + answer.path("error").asString(answer.toString()), expected);
        }
        List<PromQlCheck.Series> series = new ArrayList<>();
        String traceId = null;
        String firstLine = null;
        JsonNode data = answer.path("data");
        for (JsonNode result : data.path("result")) {
            String labels = result.path("stream").isMissingNode() ? result.path("metric").toString() : result.path("stream").toString();
            if ("streams".equals(data.path("resultType").asString(""))) {
                for (JsonNode entry : result.path("values")) {
                    String line = entry.path(1).asString("");
                    series.add(new PromQlCheck.Series(labels, 1));
                    firstLine = firstLine == null ? line : firstLine;
                    if (traceId == null) {
                        traceId = traceIdOf(result.path("stream"), entry, line);
                    }
                }
            } else {
                JsonNode values = result.path("values");
                JsonNode last = values.path(values.size() - 1);
                series.add(new PromQlCheck.Series(labels, Double.parseDouble(last.path(1).asString("NaN"))));
            }
        }
        Outcome judged = PromQlCheck.judge(check.condition(), series, expected);
        String observed = judged.observed().replace(" series", " lines or series")
                + (firstLine == null ? "" : "; newest line: " + CheckContext.abbreviate(firstLine, 160));
        Outcome outcome = new Outcome(judged.status(), observed, expected, Map.of());
        return traceId == null ? outcome : outcome.capturing(Map.of("traceId", traceId));
    }

    /**
     * The trace id a line of a streams answer names: in its text, else in its structured metadata ({@code trace_id},
     * as OTLP logs have it), which Loki shows among the stream's labels or, categorized, as the entry's third element.
     */
    static @Nullable String traceIdOf(JsonNode stream, JsonNode entry, String line) {
        Matcher matcher = TRACE_ID.matcher(line);
        if (matcher.find()) {
            return matcher.group(1);
        }
        for (JsonNode labels : List.of(stream, entry.path(2).path("structuredMetadata"))) {
            for (String name : List.of("trace_id", "traceId", "traceid")) {
                String value = labels.path(name).asString("");
                if (value.matches("[0-9a-fA-F]{16,32}")) {
                    return value.toLowerCase(java.util.Locale.ROOT);
                }
            }
        }
        return null;
    }

    private static String nanos(Instant instant) {
        return instant.getEpochSecond() + String.format(java.util.Locale.ROOT, "%09d", instant.getNano());
    }
}
