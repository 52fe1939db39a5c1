package ladder.labs.check;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ladder.model.lab.CheckType;
import ladder.model.lab.PromQlCondition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** {@code type: promql}: an instant query's result satisfies a condition on its series count or values. */
final class PromQlCheck implements CheckEvaluator {

    private static final int SHOWN_SERIES = 5;

    private final CheckType.PromQl check;

    PromQlCheck(CheckType.PromQl check) {
        this.check = check;
    }

    /** One series of the result: its labels as PromQL writes them, and its value. */
    record Series(String labels, double value) {}

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String query = context.render(check.query());
        String expected = check.condition().describe() + " for `" + query + "`";
        Query answer = query(context, check.prometheus(), query, null);
        if (answer.problem() != null) {
            return Outcome.error(answer.problem(), expected);
        }
        return judge(check.condition(), answer.series(), expected);
    }

    /** The series of an instant query, or the problem that kept Prometheus from answering. */
    record Query(List<Series> series, @Nullable String problem) {}

    /** Runs an instant query, at {@code time} (Unix seconds) or now. */
    static Query query(CheckContext context, String prometheus, String query, @Nullable Double time) throws InterruptedException {
        String base = context.session().url(prometheus);
        String url = base + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (time == null ? "" : "&time=" + String.format(java.util.Locale.ROOT, "%.3f", time));
        JsonNode answer;
        try {
            answer = context.getJson(url);
        } catch (IOException e) {
            return new Query(List.of(), CheckContext.describe(e, base));
        }
        if (!"success".equals(answer.path("status").asString(""))) {
            return new Query(List.of(), "Prometheus refused the query: " + answer.path("error").asString("(no error given)"));
        }
        return new Query(series(answer.path("data")), null);
    }

    static Outcome judge(PromQlCondition condition, List<Series> series, String expected) {
        String observed = describe(series);
        boolean pass = condition.test(series.stream().map(Series::value).toList());
        return pass ? Outcome.pass(observed, expected) : Outcome.fail(observed, expected);
    }

    static List<Series> series(JsonNode data) {
        List<Series> series = new ArrayList<>();
        String type = data.path("resultType").asString("");
        JsonNode result = data.path("result");
        if (type.equals("scalar")) {
            series.add(new Series("scalar", parse(result.path(1).asString("NaN"))));
            return series;
        }
        for (JsonNode item : result) {
            Map<String, String> labels = new TreeMap<>();
            item.path("metric").properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asString("")));
            String name = labels.remove("__name__");
            StringBuilder text = new StringBuilder(name == null ? "" : name).append('{');
            labels.forEach((key, value) -> text.append(text.charAt(text.length() - 1) == '{' ? "" : ", ")
                    .append(key).append("=\"").append(value).append('"'));
            text.append('}');
            JsonNode value = item.has("value") ? item.path("value") : item.path("values").path(item.path("values").size() - 1);
            series.add(new Series(text.toString(), parse(value.path(1).asString("NaN"))));
        }
        return series;
    }

    private static double parse(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return switch (value) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
        }
    }

    static String describe(List<Series> series) {
        if (series.isEmpty()) {
            return "found 0 series";
        }
        StringBuilder text = new StringBuilder("found " + series.size() + " series: ");
        for (int i = 0; i < Math.min(SHOWN_SERIES, series.size()); i++) {
            text.append(i == 0 ? "" : ", ").append(series.get(i).labels()).append(" = ")
                    .append(PromQlCondition.formatNumber(series.get(i).value()));
        }
        if (series.size() > SHOWN_SERIES) {
            text.append(", … (").append(series.size() - SHOWN_SERIES).append(" more)");
        }
        return text.toString();
    }
}
