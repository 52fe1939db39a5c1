package ladder.labs.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ladder.model.lab.CheckType;
import tools.jackson.databind.JsonNode;

/** {@code type: alert-firing}: Alertmanager holds an active alert with this name and these labels. */
final class AlertFiringCheck implements CheckEvaluator {

    private final CheckType.AlertFiring check;

    AlertFiringCheck(CheckType.AlertFiring check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        Map<String, String> wanted = new TreeMap<>(check.labels());
        String expected = "alert `" + check.alert() + "` active in Alertmanager" + (wanted.isEmpty() ? "" : " with labels " + wanted);
        String base = context.session().url(check.alertmanager());
        JsonNode alerts;
        try {
            alerts = context.getJson(base + "/api/v2/alerts?active=true&silenced=false&inhibited=false");
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, base), expected);
        }
        List<String> seen = new ArrayList<>();
        for (JsonNode alert : alerts) {
            Map<String, String> labels = new TreeMap<>();
            alert.path("labels").properties().forEach(entry -> labels.put(entry.getKey(), entry.getValue().asString("")));
            String state = alert.path("status").path("state").asString("active");
            seen.add(labels.getOrDefault("alertname", "?") + " " + labels + " (" + state + ")");
            if (check.alert().equals(labels.get("alertname")) && state.equals("active")
                    && wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())))) {
                return Outcome.pass("active: " + labels, expected);
            }
        }
        return Outcome.fail(seen.isEmpty() ? "no active alert in Alertmanager" : "active alerts: " + String.join("; ", seen), expected);
    }
}
