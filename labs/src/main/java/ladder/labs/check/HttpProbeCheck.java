package ladder.labs.check;

import java.io.IOException;
import java.net.http.HttpResponse;
import ladder.model.lab.CheckType;

/** {@code type: http}: a request gets the expected status and, optionally, a body containing a text. */
final class HttpProbeCheck implements CheckEvaluator {

    private final CheckType.HttpProbe probe;

    HttpProbeCheck(CheckType.HttpProbe probe) {
        this.probe = probe;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String url = context.renderUrl(probe.url());
        String bodyContains = probe.bodyContains() == null ? null : context.render(probe.bodyContains());
        String expected = probe.method() + " " + url + " answers status " + probe.expectedStatus()
                + (bodyContains == null ? "" : " with a body containing '" + bodyContains + "'");
        HttpResponse<String> response;
        try {
            response = context.send(probe.method(), url, probe.body() == null ? null : context.render(probe.body()));
        } catch (IOException e) {
            return Outcome.fail(CheckContext.describe(e, url), expected);
        }
        String observed = "status " + response.statusCode() + ", body '" + CheckContext.abbreviate(response.body(), 160) + "'";
        boolean statusOk = response.statusCode() == probe.expectedStatus();
        boolean bodyOk = bodyContains == null || response.body().contains(bodyContains);
        return statusOk && bodyOk ? Outcome.pass(observed, expected) : Outcome.fail(observed, expected);
    }
}
