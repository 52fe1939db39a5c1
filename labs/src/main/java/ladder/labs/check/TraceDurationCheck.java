package ladder.labs.check;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import ladder.model.lab.CheckType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code type: trace-duration}: Zipkin holds the named trace and it lasted at least the given time, from its first
 * span's start to the end of its last (so a learner's answer "this trace is the slow one" is checked against Zipkin).
 */
final class TraceDurationCheck implements CheckEvaluator {

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{16}|[0-9a-f]{32}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CheckType.TraceDuration check;

    TraceDurationCheck(CheckType.TraceDuration check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        String traceId = context.render(check.traceId()).strip().toLowerCase(Locale.ROOT);
        String expected = "trace " + traceId + " in Zipkin, lasting at least " + millis(check.atLeast());
        if (!TRACE_ID.matcher(traceId).matches()) {
            return Outcome.fail("'" + CheckContext.abbreviate(traceId, 60)
                    + "' is not a trace id (16 or 32 hexadecimal characters, as Zipkin shows it)", expected);
        }
        String base = context.session().url(check.zipkin());
        JsonNode spans;
        try {
            HttpResponse<String> response = context.send("GET", base + "/api/v2/trace/" + traceId, null);
            if (response.statusCode() == 404) {
                return Outcome.fail("Zipkin has no trace " + traceId, expected);
            }
            if (response.statusCode() / 100 != 2) {
                return Outcome.error("Zipkin answered " + response.statusCode() + ": "
                        + CheckContext.abbreviate(response.body(), 160), expected);
            }
            spans = JSON.readTree(response.body());
        } catch (IOException | JacksonException e) {
            return Outcome.error(CheckContext.describe(e instanceof IOException io ? io : new IOException(e.getMessage(), e), base),
                    expected);
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        String root = "";
        for (JsonNode span : spans) {
            long start = span.path("timestamp").asLong(Long.MAX_VALUE);
            if (start == Long.MAX_VALUE) {
                continue;
            }
            if (start < first) {
                first = start;
                root = "`" + span.path("name").asString("") + "` of " + span.path("localEndpoint").path("serviceName").asString("?");
            }
            last = Math.max(last, start + span.path("duration").asLong(0));
        }
        if (first == Long.MAX_VALUE) {
            return Outcome.fail("Zipkin has no timed span of trace " + traceId, expected);
        }
        Duration lasted = Duration.ofNanos((last - first) * 1000);
        String observed = "trace " + traceId + " (" + root + ") took " + millis(lasted);
        return lasted.compareTo(check.atLeast()) >= 0 ? Outcome.pass(observed, expected) : Outcome.fail(observed, expected);
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
