package ladder.labs.check;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import ladder.model.lab.CheckType;
import tools.jackson.databind.JsonNode;

/**
 * {@code type: alertmanager-discovered}: among the Alertmanagers Prometheus sends to ({@code /api/v1/alertmanagers}),
 * one is the lab's component. Other Alertmanagers and a path prefix are fine: the alert's delivery is judged by
 * the checks that fire it.
 */
final class AlertmanagerDiscoveredCheck implements CheckEvaluator {

    private final CheckType.AlertmanagerDiscovered check;

    AlertmanagerDiscoveredCheck(CheckType.AlertmanagerDiscovered check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String wanted = "127.0.0.1:" + context.session().ports().get(check.alertmanager());
        String expected = "Prometheus sends alerts to the Alertmanager at " + wanted;
        String base = context.session().url(check.prometheus());
        JsonNode answer;
        try {
            answer = context.getJson(base + "/api/v1/alertmanagers");
        } catch (IOException e) {
            return Outcome.error(CheckContext.describe(e, base), expected);
        }
        List<String> active = urls(answer.path("data").path("activeAlertmanagers"));
        List<String> dropped = urls(answer.path("data").path("droppedAlertmanagers"));
        for (String url : active) {
            if (authority(url).equals(wanted) || authority(url).equals("localhost:" + context.session().ports().get(check.alertmanager()))) {
                return Outcome.pass("active Alertmanagers: " + String.join(", ", active), expected);
            }
        }
        String observed = active.isEmpty()
                ? "Prometheus knows no Alertmanager (Status → Runtime & Build Information lists none; is there an `alerting:` section?)"
                : "Prometheus sends to " + String.join(", ", active) + ", none of which is the lab's Alertmanager";
        return Outcome.fail(observed + (dropped.isEmpty() ? "" : "; dropped by relabelling: " + String.join(", ", dropped)), expected);
    }

    private static List<String> urls(JsonNode list) {
        List<String> urls = new ArrayList<>();
        list.forEach(item -> urls.add(item.path("url").asString("?")));
        return urls;
    }

    private static String authority(String url) {
        try {
            String authority = URI.create(url).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
