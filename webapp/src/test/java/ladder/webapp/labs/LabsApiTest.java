package ladder.webapp.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.labs.runtime.LabRuntime;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The labs' REST API through the real filter chains on the process runtime, with real Prometheus,
 * node-exporter and the sample shop: a session's whole life, the limits, and who may see what.
 * The server cap is 2 here so that the 429 needs only two sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ladder.labs.max-sessions=2")
class LabsApiTest {

    static final String PASSWORD = "a-long-enough-password";
    static final Path CATALOG = Path.of("../labs/catalog");

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired LabRuntime runtime;

    String ada;
    String bob;
    String mia;
    final List<String[]> started = new ArrayList<>(); // {username, sessionId}, stopped after each test

    @BeforeEach
    void people() {
        ada = person("ada", Role.LEARNER);
        bob = person("bob", Role.LEARNER);
        mia = person("mia", Role.MENTOR);
    }

    @AfterEach
    void stopWhatWasStarted() {
        for (String[] session : started) {
            as(session[0]).delete("/api/labs/sessions/" + session[1]);
        }
    }

    String person(String prefix, Role role) {
        String username = "t" + prefix + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Name of " + username, "@" + username, EnumSet.of(role), PASSWORD));
        return username;
    }

    Http as(String username) {
        return Http.to(port).as(username, PASSWORD);
    }

    String start(String username, String lab) {
        HttpResponse<String> answer = as(username).post("/api/labs/" + lab + "/sessions", "application/json", "");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body()).contains("\"state\":\"starting\"");
        String id = field(answer.body(), "sessionId");
        started.add(new String[] {username, id});
        return id;
    }

    HttpResponse<String> awaitReady(String username, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        HttpResponse<String> answer;
        do {
            Thread.sleep(300);
            answer = as(username).get("/api/labs/sessions/" + id);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(sessionState(answer.body())).isNotEqualTo("failed");
        } while (!sessionState(answer.body()).equals("ready") && Instant.now().isBefore(deadline));
        assertThat(sessionState(answer.body())).as("ready within 120 s").isEqualTo("ready");
        return answer;
    }

    /** The session's own state in a session answer (its components carry a "state" too). */
    static String sessionState(String json) {
        Matcher matcher = Pattern.compile("\"owner\":\"[^\"]*\",\"state\":\"([a-z]+)\"").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }

    @Test
    void the_catalog_lists_every_lab_with_its_rung_time_limit_and_whether_it_runs_here() {
        HttpResponse<String> catalog = as(ada).get("/api/labs");

        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(catalog.body()).contains("\"id\":\"metrics\"", "\"id\":\"alerting\"", "\"id\":\"host-metrics\"",
                "\"rung\":\"ability\"", "\"timeLimit\":\"PT30M\"", "\"runtimes\":[\"process\"]",
                "\"runnableHere\":true", "\"status\":\"not started\"");
        assertThat(Http.to(port).get("/api/labs").statusCode()).isEqualTo(401);
    }

    @Test
    void a_learner_runs_the_metrics_lab_from_start_through_failing_and_passing_checks_to_stop() throws Exception {
        String id = start(ada, "metrics");
        HttpResponse<String> ready = awaitReady(ada, id);
        assertThat(ready.body()).contains("\"name\":\"prometheus\"", "\"name\":\"shop\"",
                "\"url\":\"/labs/sessions/" + id + "/ui/prometheus/\"", "\"expiresAt\":");

        assertThat(as(ada).get("/api/labs/sessions/" + id + "/files").body()).isEqualTo("[\"prometheus.yml\",\"rules.yml\"]");
        assertThat(as(ada).get("/api/labs/sessions/" + id + "/files/prometheus.yml").body()).contains("TODO 1");

        String answer = "/api/labs/sessions/" + id + "/checks/shop-scraped/answer";
        assertThat(as(ada).get(answer).statusCode()).as("no answer before the check has failed").isEqualTo(409);
        HttpResponse<String> failing = as(ada).postJson("/api/labs/sessions/" + id + "/checks", "");
        assertThat(failing.statusCode()).as(failing.body()).isEqualTo(200);
        assertThat(failing.body()).contains("\"passed\":false", "\"id\":\"shop-scraped\"", "\"status\":\"fail\"",
                "Status → Targets lists every scrape job", "\"durationMs\":")
                .as("the first tier teaches; the answer is not in the results").doesNotContain("job_name: shop");

        HttpResponse<String> asked = as(ada).get(answer);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        assertThat(asked.body()).contains("\"id\":\"shop-scraped\"", "job_name: shop", "${host:shop}");
        assertThat(as(mia).get(answer).statusCode()).as("a mentor may not take the learner's answers").isEqualTo(403);
        assertThat(as(bob).get(answer).statusCode()).as("another learner's session does not exist").isEqualTo(404);
        assertThat(as(ada).get("/api/labs/sessions/" + id + "/checks/nothing/answer").statusCode()).isEqualTo(404);

        String starting = as(ada).get("/api/labs/sessions/" + id + "/files/prometheus.yml").body();
        HttpResponse<String> same = as(ada).postJson("/api/labs/sessions/" + id + "/checks", "");
        assertThat(same.body()).as("checking again without an edit: the same tier").contains("Status → Targets lists every scrape job");
        assertThat(as(ada).put("/api/labs/sessions/" + id + "/files/prometheus.yml", "text/plain",
                starting + "\n# still looking for the shop\n").statusCode()).isEqualTo(204);
        HttpResponse<String> afterEdit = as(ada).postJson("/api/labs/sessions/" + id + "/checks", "");
        assertThat(afterEdit.body()).as("failing again after an edit, the hint says more")
                .contains("\"id\":\"shop-scraped\"", "A scrape job is an item of `scrape_configs`")
                .doesNotContain("Status → Targets lists every scrape job");

        HttpResponse<String> broken = as(ada).put("/api/labs/sessions/" + id + "/files/prometheus.yml", "text/plain",
                "scrape_configs:\n  - job_name: shop\n   static_configs: []\n");
        assertThat(broken.statusCode()).isEqualTo(204);
        HttpResponse<String> refused = as(ada).postJson("/api/labs/sessions/" + id + "/apply", "");
        assertThat(refused.body()).contains("\"applied\":false", "\"valid\":false", "\"line\":");

        for (String file : List.of("prometheus.yml", "rules.yml")) {
            HttpResponse<String> put = as(ada).put("/api/labs/sessions/" + id + "/files/" + file, "text/plain",
                    Files.readString(CATALOG.resolve("metrics/solution").resolve(file)));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        }
        HttpResponse<String> applied = as(ada).postJson("/api/labs/sessions/" + id + "/apply", "");
        assertThat(applied.body()).as(applied.body()).contains("\"applied\":true");

        HttpResponse<String> passing = as(ada).postJson("/api/labs/sessions/" + id + "/checks", "");
        assertThat(passing.body()).as(passing.body()).contains("\"passed\":true").doesNotContain("\"status\":\"fail\"");

        HttpResponse<String> history = as(ada).get("/api/participants/@" + ada + "/assessments");
        assertThat(history.body()).as("the passed lab is evidence on the ladder")
                .contains("\"topic\":\"metrics\"", "\"rung\":\"ability\"", "\"source\":\"lab\"", "\"state\":\"confirmed\"",
                        "Passed the lab");
        HttpResponse<String> again = as(ada).postJson("/api/labs/sessions/" + id + "/checks", "");
        assertThat(again.body()).contains("\"passed\":true");
        assertThat(count(as(ada).get("/api/participants/@" + ada + "/assessments").body(), "\"source\":\"lab\""))
                .as("passing again adds a check run, not a second claim").isEqualTo(1);
        assertThat(as(ada).get("/api/labs").body()).contains("\"status\":\"in progress\"");

        HttpResponse<String> stopped = as(ada).delete("/api/labs/sessions/" + id);
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).contains("\"state\":\"stopped\"", "stopped by you", "\"components\":[]");
        assertThat(runtime.activeSessions()).noneMatch(session -> session.id().equals(id));
        assertThat(as(ada).postJson("/api/labs/sessions/" + id + "/checks", "").statusCode())
                .as("a stopped session has nothing to check").isEqualTo(409);
    }

    @Test
    void one_session_per_learner_is_409_and_over_the_server_cap_is_429_with_retry_after() {
        String first = start(ada, "host-metrics");

        HttpResponse<String> second = as(ada).post("/api/labs/host-metrics/sessions", "application/json", "");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("you already have a lab session running", first);

        start(bob, "host-metrics");
        String cy = person("cy", Role.LEARNER);
        HttpResponse<String> full = as(cy).post("/api/labs/host-metrics/sessions", "application/json", "");
        assertThat(full.statusCode()).isEqualTo(429);
        assertThat(full.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 30 * 60L));
        assertThat(full.body()).contains("LADDER_LABS_MAX_SESSIONS");

        as(ada).delete("/api/labs/sessions/" + first);
        assertThat(as(ada).get("/api/labs/sessions/" + first).body()).contains("\"state\":\"stopped\"");
    }

    @Test
    void another_learners_session_is_404_a_mentor_sees_it_but_may_not_change_it() throws Exception {
        String id = start(ada, "host-metrics");
        awaitReady(ada, id);

        assertThat(as(bob).get("/api/labs/sessions/" + id).statusCode()).isEqualTo(404);
        assertThat(as(bob).get("/api/labs/sessions/" + id + "/files/prometheus.yml").statusCode()).isEqualTo(404);
        assertThat(as(bob).put("/api/labs/sessions/" + id + "/files/prometheus.yml", "text/plain", "x").statusCode())
                .isEqualTo(404);
        assertThat(as(bob).postJson("/api/labs/sessions/" + id + "/checks", "").statusCode()).isEqualTo(404);
        assertThat(as(bob).delete("/api/labs/sessions/" + id).statusCode()).isEqualTo(404);
        assertThat(as(bob).get("/api/labs/sessions").body()).doesNotContain(id);

        assertThat(as(mia).get("/api/labs/sessions/" + id).statusCode()).isEqualTo(200);
        assertThat(as(mia).get("/api/labs/sessions").body()).contains(id);
        assertThat(as(mia).put("/api/labs/sessions/" + id + "/files/prometheus.yml", "text/plain", "x").statusCode())
                .isEqualTo(403);
        assertThat(sessionState(as(ada).get("/api/labs/sessions/" + id).body())).isEqualTo("ready");

        HttpResponse<String> anonymousProxy = Http.to(port).get("/labs/sessions/" + id + "/ui/prometheus/graph");
        assertThat(anonymousProxy.statusCode()).as("not signed in: to the login, never to Prometheus").isEqualTo(302);
        assertThat(anonymousProxy.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void paths_that_leave_the_workspace_are_refused() throws Exception {
        String id = start(ada, "host-metrics");
        awaitReady(ada, id);
        String files = "/api/labs/sessions/" + id + "/files/";

        // dot segments (plain or %2e-encoded) and doubled slashes are normalised by the server before routing:
        // they never reach the files endpoint
        for (String dots : List.of("../../../../../etc/passwd", "prometheus.yml/../../../../../../etc/passwd",
                "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd")) {
            HttpResponse<String> read = as(ada).get(files + dots);
            assertThat(read.statusCode()).as("GET %s", dots).isNotEqualTo(200);
            assertThat(read.body()).doesNotContain("root:");
        }
        for (String bad : List.of("..%2F..%2Fetc%2Fpasswd",
                "~root/.bashrc", "a%00b", "rules%5C..%5C..%5Cx")) {
            HttpResponse<String> read = as(ada).get(files + bad);
            assertThat(read.statusCode()).as("GET %s: %s", bad, read.body()).isEqualTo(400);
            HttpResponse<String> write = as(ada).put(files + bad, "text/plain", "owned");
            assertThat(write.statusCode()).as("PUT %s: %s", bad, write.body()).isEqualTo(400);
        }
        assertThat(Files.readString(Path.of("/etc/passwd"))).doesNotContain("owned");
        assertThat(as(ada).get(files + "nothing-here.yml").statusCode()).isEqualTo(404);
        String before = as(ada).get(files + "prometheus.yml").body();
        HttpResponse<String> form = as(ada).put(files + "prometheus.yml", "application/x-www-form-urlencoded", "a=b");
        assertThat(form.statusCode()).as("curl's default content type would empty the file").isEqualTo(415);
        assertThat(form.body()).contains("Content-Type text/plain");
        assertThat(as(ada).get(files + "prometheus.yml").body()).isEqualTo(before);
        assertThat(as(ada).put(files + "big.yml", "text/plain", "x".repeat(300 * 1024)).statusCode()).isEqualTo(413);
    }

    static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
