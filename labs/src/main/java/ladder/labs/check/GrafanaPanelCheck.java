package ladder.labs.check;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import ladder.model.lab.CheckType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code type: grafana-panel}: a dashboard (by uid) as Grafana loaded it has a panel with the title, and its
 * queries, run by Grafana against their datasource for the last five minutes ({@code POST /api/ds/query}), give
 * series that satisfy the condition (by their last value). So the panel is judged by what it would draw, not by
 * the JSON's text.
 */
final class GrafanaPanelCheck implements CheckEvaluator {

    private final CheckType.GrafanaPanel check;

    GrafanaPanelCheck(CheckType.GrafanaPanel check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String base = context.session().url(check.grafana());
        String expected = check.condition().describe() + " drawn by the panel '" + check.panel() + "' of dashboard '"
                + check.dashboard() + "'";
        try {
            String url = base + "/api/dashboards/uid/" + URLEncoder.encode(check.dashboard(), StandardCharsets.UTF_8);
            var response = context.send("GET", url, null, GrafanaDatasourceCheck.admin(context));
            if (response.statusCode() == 404) {
                return Outcome.fail("Grafana has no dashboard with uid '" + check.dashboard() + "' (is it provisioned, with that uid?)", expected);
            }
            JsonNode dashboard = context.json(response, url).path("dashboard");
            List<JsonNode> panels = new ArrayList<>();
            collect(dashboard.path("panels"), panels);
            JsonNode panel = panels.stream().filter(p -> check.panel().equals(p.path("title").asString(""))).findFirst().orElse(null);
            if (panel == null) {
                return Outcome.fail("dashboard '" + check.dashboard() + "' has no panel titled '" + check.panel() + "'; its panels: "
                        + String.join(", ", panels.stream().map(p -> "'" + p.path("title").asString("") + "'").toList()), expected);
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("from", "now-5m");
            body.put("to", "now");
            ArrayNode queries = body.putArray("queries");
            for (JsonNode target : panel.path("targets")) {
                ObjectNode query = ((ObjectNode) target).deepCopy();
                if (!query.has("datasource") || query.path("datasource").isNull()) {
                    query.set("datasource", panel.path("datasource"));
                }
                if (query.path("datasource").isString()) {
                    return Outcome.fail("panel '" + check.panel() + "' names its datasource by name ('" + query.path("datasource").asString("")
                            + "'); name it by uid ({\"type\": …, \"uid\": …})", expected);
                }
                query.put("refId", target.path("refId").asString("A"));
                query.put("maxDataPoints", 100);
                query.put("intervalMs", 15000);
                queries.add(query);
            }
            if (queries.isEmpty()) {
                return Outcome.fail("panel '" + check.panel() + "' has no queries (targets)", expected);
            }
            var answer = context.send("POST", base + "/api/ds/query", body.toString(), GrafanaDatasourceCheck.admin(context));
            JsonNode results = context.json(answer, base + "/api/ds/query").path("results");
            List<PromQlCheck.Series> series = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (var result : results.properties()) {
                if (result.getValue().has("error")) {
                    errors.add(result.getKey() + ": " + result.getValue().path("error").asString(""));
                }
                for (JsonNode frame : result.getValue().path("frames")) {
                    JsonNode values = frame.path("data").path("values");
                    JsonNode numbers = values.path(values.size() - 1);
                    if (numbers.isEmpty()) {
                        continue;
                    }
                    JsonNode last = numbers.path(numbers.size() - 1);
                    series.add(new PromQlCheck.Series(frame.path("schema").path("name").asString(result.getKey()),
                            last.isNumber() ? last.asDouble() : Double.NaN));
                }
            }
            if (!errors.isEmpty()) {
                return Outcome.fail("Grafana could not run the panel's queries: " + String.join("; ", errors), expected);
            }
            return PromQlCheck.judge(check.condition(), series, expected);
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, base), expected);
        }
    }

    private static void collect(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            into.add(panel);
            collect(panel.path("panels"), into); // panels inside collapsed rows
        }
    }
}
