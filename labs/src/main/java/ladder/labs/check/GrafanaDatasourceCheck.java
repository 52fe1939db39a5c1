package ladder.labs.check;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import ladder.model.lab.CheckType;
import tools.jackson.databind.JsonNode;

/**
 * {@code type: grafana-datasource}: Grafana's own health check of a provisioned datasource (by uid) says OK: the
 * datasource exists and Grafana reaches what it points at. Ladder signs in as Grafana's {@code admin} with the
 * session's password.
 */
final class GrafanaDatasourceCheck implements CheckEvaluator {

    private final CheckType.GrafanaDatasource check;

    GrafanaDatasourceCheck(CheckType.GrafanaDatasource check) {
        this.check = check;
    }

    static Map<String, String> admin(CheckContext context) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + context.session().componentPassword()).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String base = context.session().url(check.grafana());
        String expected = "Grafana's health check of the datasource with uid '" + check.datasource() + "' says OK";
        String url = base + "/api/datasources/uid/" + URLEncoder.encode(check.datasource(), StandardCharsets.UTF_8) + "/health";
        try {
            var response = context.send("GET", url, null, admin(context));
            if (response.statusCode() == 404) {
                return Outcome.fail("Grafana has no datasource with uid '" + check.datasource() + "' (is it provisioned with that uid?)", expected);
            }
            JsonNode health = context.json(response, url);
            String status = health.path("status").asString("");
            String observed = "status " + (status.isEmpty() ? response.statusCode() : status) + ": "
                    + health.path("message").asString(CheckContext.abbreviate(response.body(), 160));
            return "OK".equals(status) ? Outcome.pass(observed, expected) : Outcome.fail(observed, expected);
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, base), expected);
        }
    }
}
