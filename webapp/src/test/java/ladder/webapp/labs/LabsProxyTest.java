package ladder.webapp.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The component UIs through Ladder, as a browser reaches them (signed in with the login form, a session
 * cookie): the tracing lab's Prometheus and Zipkin answer their owner and a mentor with pages whose links
 * carry the proxy's path; another learner gets 404, and nobody's cookie or credentials reach a component.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LabsProxyTest {

    static final String PASSWORD = LabsApiTest.PASSWORD;

    @LocalServerPort int port;
    @Autowired AccountService accounts;

    String person(String prefix, Role role) {
        String username = "t" + prefix + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Name of " + username, "@" + username, EnumSet.of(role), PASSWORD));
        return username;
    }

    /** A cookie-keeping client signed in through the login form, as a browser is. */
    final class SignedIn {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        SignedIn(String username) throws Exception {
            String page = get("/login").body();
            String token = meta(page, "_csrf");
            String parameter = meta(page, "_csrf_parameter");
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&" + parameter + "=" + token;
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> postForm(String path, String form) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    static String meta(String html, String name) {
        Matcher matcher = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("meta " + name + " in the login page").isTrue();
        return matcher.group(1);
    }

    @Test
    void prometheus_and_zipkin_answer_their_owner_and_a_mentor_through_ladder_and_nobody_else() throws Exception {
        String owner = person("pia", Role.LEARNER);
        String other = person("pio", Role.LEARNER);
        String mentor = person("pim", Role.MENTOR);
        Http api = Http.to(port).as(owner, PASSWORD);
        HttpResponse<String> started = api.post("/api/labs/tracing/sessions", "application/json", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = LabsApiTest.field(started.body(), "sessionId");
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
            String session;
            do {
                Thread.sleep(300);
                session = api.get("/api/labs/sessions/" + id).body();
                assertThat(LabsApiTest.sessionState(session)).isNotEqualTo("failed");
            } while (!LabsApiTest.sessionState(session).equals("ready") && Instant.now().isBefore(deadline));
            assertThat(session).contains("\"url\":\"/labs/sessions/" + id + "/ui/zipkin/zipkin/\"",
                    "\"url\":\"/labs/sessions/" + id + "/ui/prometheus/\"");
            String base = "/labs/sessions/" + id + "/ui/";

            SignedIn ownerBrowser = new SignedIn(owner);
            HttpResponse<String> redirect = ownerBrowser.get(base + "prometheus/");
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location")).hasValue(base + "prometheus/classic/graph");
            HttpResponse<String> graph = ownerBrowser.get(base + "prometheus/classic/graph");
            assertThat(graph.statusCode()).isEqualTo(200);
            assertThat(graph.body()).contains("Prometheus Time Series Collection", "src=\"" + base + "prometheus/classic/static/");
            assertThat(ownerBrowser.get(base + "prometheus/api/v1/query?query=up").body()).contains("\"status\":\"success\"");
            assertThat(ownerBrowser.postForm(base + "prometheus/api/v1/query", "query=up").statusCode())
                    .as("Ladder's CSRF protection holds through the proxy").isEqualTo(403);
            HttpResponse<String> zipkin = ownerBrowser.get(base + "zipkin/zipkin/");
            assertThat(zipkin.statusCode()).isEqualTo(200);
            assertThat(zipkin.body()).contains("<base href=\"" + base + "zipkin/zipkin/\"");
            assertThat(ownerBrowser.get(base + "zipkin/zipkin/api/v2/services").statusCode()).isEqualTo(200);
            assertThat(ownerBrowser.get(base + "prometheus").statusCode()).as("to the trailing slash").isEqualTo(302);
            assertThat(ownerBrowser.get(base + "nothing/").statusCode()).as("no such component").isEqualTo(404);

            SignedIn mentorBrowser = new SignedIn(mentor);
            assertThat(mentorBrowser.get(base + "prometheus/classic/graph").statusCode()).isEqualTo(200);

            SignedIn otherBrowser = new SignedIn(other);
            HttpResponse<String> refused = otherBrowser.get(base + "prometheus/classic/graph");
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain("Prometheus Time Series");
            assertThat(otherBrowser.get(base + "zipkin/zipkin/api/v2/services").statusCode()).isEqualTo(404);
        } finally {
            api.delete("/api/labs/sessions/" + id);
        }
        assertThat(new SignedIn(owner).get("/labs/sessions/" + id + "/ui/prometheus/classic/graph").statusCode())
                .as("a stopped session has no components").isEqualTo(404);
    }
}
