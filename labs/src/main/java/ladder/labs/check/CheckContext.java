package ladder.labs.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.labs.catalog.LoopbackUrls;
import ladder.labs.runtime.LabSession;
import ladder.model.lab.LabPlaceholders;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** What one attempt of a check may use: the session, the values captured by its needs, HTTP and JSON. */
final class CheckContext {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration MAX_REQUEST = Duration.ofSeconds(10);
    private static final Pattern REACHED = Pattern.compile("\\$\\{(url|host):([A-Za-z0-9_.-]+)}");

    private final LabSession session;
    private final HttpClient http;
    private final Map<String, String> captured;
    private final Instant deadline;
    private final Instant started;

    CheckContext(LabSession session, HttpClient http, Map<String, String> captured, Instant started, Instant deadline) {
        this.started = started;
        this.session = session;
        this.http = http;
        this.captured = captured;
        this.deadline = deadline;
    }

    LabSession session() {
        return session;
    }

    /** When the check started, before its before-actions. */
    Instant started() {
        return started;
    }

    /** Replaces component and capture placeholders in a template (URL, body). */
    String render(String template) {
        return LabPlaceholders.renderCaptures(
                LabPlaceholders.renderComponents(template, session.ports()), captured, value -> value);
    }

    /**
     * Renders the URL of a request Ladder sends (a probe, an action): {@code ${url:NAME}} and {@code ${host:NAME}}
     * become the component's address where Ladder reaches it, the session's {@link LabSession#host() host} (a
     * remote Docker engine's), not the 127.0.0.1 the components see each other on.
     */
    String renderUrl(String template) {
        Matcher matcher = REACHED.matcher(template);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(2);
            if (!session.ports().containsKey(name)) {
                continue; // render() names the unknown component
            }
            String url = session.url(name);
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(
                    matcher.group(1).equals("url") ? url : url.substring("http://".length())));
        }
        matcher.appendTail(rendered);
        return render(rendered.toString());
    }

    /** Renders a regular expression template: captured values are matched literally. */
    Pattern renderPattern(String template) {
        String withComponents = LabPlaceholders.renderComponents(template, session.ports());
        return Pattern.compile(LabPlaceholders.renderCaptures(withComponents, captured, Pattern::quote), Pattern.MULTILINE);
    }

    /** Sends a request; bounded by the check's remaining time. */
    HttpResponse<String> send(String method, String url, @Nullable String body) throws IOException, InterruptedException {
        return send(method, url, body, Map.of());
    }

    /** Sends a request with headers (e.g. a component's own credentials, never Ladder's). */
    HttpResponse<String> send(String method, String url, @Nullable String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        if (!LoopbackUrls.isLoopback(url) && !atSessionHost(url)) {
            // the loader refuses such URLs; a captured value must not lead a check elsewhere either
            throw new IllegalArgumentException("refusing " + url + ": checks only talk to the lab's components on "
                    + session.host());
        }
        Duration left = Duration.between(Instant.now(), deadline);
        Duration timeout = left.compareTo(MAX_REQUEST) > 0 ? MAX_REQUEST : left.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200) : left;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        if (body != null) {
            request.header("Content-Type", body.stripLeading().startsWith("{") || body.stripLeading().startsWith("[")
                    ? "application/json" : "text/plain");
        }
        headers.forEach(request::header);
        request.method(method, publisher);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean atSessionHost(String url) {
        try {
            URI uri = URI.create(url);
            String host = uri.getHost();
            return host != null && "http".equalsIgnoreCase(uri.getScheme())
                    && host.replace("[", "").replace("]", "").equals(session.host());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** GETs a JSON document. */
    JsonNode getJson(String url) throws IOException, InterruptedException {
        return json(send("GET", url, null), url);
    }

    /** Parses a JSON answer; a non-2xx answer that is not JSON is an error naming the status. */
    JsonNode json(HttpResponse<String> response, String url) throws IOException {
        if (response.statusCode() / 100 != 2) {
            // Prometheus answers a bad query with 400 and a JSON error: the caller reads it
            if (response.body().stripLeading().startsWith("{")) {
                return JSON.readTree(response.body());
            }
            throw new IOException(url + " answered status " + response.statusCode() + ": " + abbreviate(response.body(), 200));
        }
        return JSON.readTree(response.body());
    }

    /** Reads JSON text. */
    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** Why a request failed, in words ("connection refused by 127.0.0.1:9090"). */
    static String describe(Exception e, String url) {
        if (e instanceof ConnectException || (e.getCause() instanceof ConnectException)) {
            return "nothing answers at " + url + " (connection refused): is the component running?";
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            return "no answer from " + url + " in time";
        }
        return "request to " + url + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    static String abbreviate(String text, int max) {
        String flat = text.strip().replace("\n", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
